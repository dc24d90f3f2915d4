// A valid app.yaml: the repository's example parses cleanly, and omitted settings get their documented defaults.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationMs, parseShiftLength } from '../../src/config/durations.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';

const repositoryConfig = join(import.meta.dirname, '../../app.yaml');

const minimal = `
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:
      - name: zurich
        handoff: { day: mon, time: '09:00' }
        start: 2026-01-05
        members: [U0ALICE01, carol@example.com]
`;

describe("the repository's app.yaml", () => {
  const config = loadConfig(repositoryConfig);

  it('describes two clusters, two teams and three rotations', () => {
    expect(config.clusters).toEqual([
      { name: 'prod-eu', context: 'prod-eu' },
      { name: 'staging', context: 'staging' },
    ]);
    expect(config.teams.map((team) => team.name)).toEqual(['platform', 'payments']);
    expect(config.teams.flatMap((team) => team.rotations.map((rotation) => rotation.name))).toEqual(
      ['zurich', 'palo-alto', 'payments'],
    );
  });

  it('keeps office hours per site in each site’s zone', () => {
    const [zurich, paloAlto] = config.teams[0]?.rotations ?? [];
    expect(zurich).toMatchObject({
      timezone: 'Europe/Zurich',
      coverage: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
    });
    expect(paloAlto).toMatchObject({
      timezone: 'America/Los_Angeles',
      coverage: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' },
    });
  });

  it('fills in what the payments team leaves out', () => {
    const payments = config.teams[1];
    expect(payments?.channels).toEqual(['C0PAYMENTS1']);
    expect(payments?.timezone).toBe('Europe/Zurich');
    expect(payments?.rotations[0]).toMatchObject({
      timezone: 'Europe/Zurich',
      channel: 'C0PAYMENTS1',
      holidays: [],
    });
    expect(payments?.rotations[0]?.coverage).toBeUndefined();
  });
});

describe('defaults of a minimal app.yaml', () => {
  const config = parseConfig(minimal);
  const team = config.teams[0];
  const rotation = team?.rotations[0];

  it.each([
    ['timezone', config.timezone, 'UTC'],
    ['teams[0].timezone', team?.timezone, 'UTC'],
    ['teams[0].channels', team?.channels, ['C0PLATFORM1']],
    ['teams[0].managers', team?.managers, []],
    ['teams[0].clusters', team?.clusters, []],
    ['teams[0].statusLog', team?.statusLog, undefined],
    ['rotation timezone', rotation?.timezone, 'UTC'],
    ['rotation shiftLength', rotation?.shiftLength, '1w'],
    ['rotation channel', rotation?.channel, 'C0PLATFORM1'],
    ['rotation holidays', rotation?.holidays, []],
    ['rotation reminder', rotation?.reminder, undefined],
    ['clusters', config.clusters, []],
    ['notices', config.notices, []],
    ['scheduler', config.scheduler, { grace: '2h' }],
    [
      'rollback',
      config.rollback,
      {
        approvers: { userGroups: [], users: [], onCall: true },
        selfApproval: false,
        expiresAfter: '30m',
        breakGlass: { onCallOutsideCoverage: false },
        gitops: 'warn',
      },
    ],
  ])('%s defaults to %j', (_setting, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('keeps people given by email as written', () => {
    expect(rotation?.members).toEqual(['U0ALICE01', 'carol@example.com']);
  });
});

describe('zones and channels inherited from the enclosing level', () => {
  const config = parseConfig(`
timezone: Asia/Tokyo
clusters:
  - name: local
    inCluster: true
teams:
  - name: platform
    channel: C0PLATFORM1
    channels: [C0SHOPDEV1]
    timezone: Europe/Zurich
    statusLog: { time: '09:00' }
    rotations:
      - name: zurich
        handoff: { day: mon, time: '09:00' }
        start: 2026-01-05
        members: [U0ALICE01]
        coverage: { from: '08:00', to: '18:00' }
      - name: tokyo
        timezone: Asia/Tokyo
        shiftLength: 3d
        handoff: { time: '10:00' }
        start: 2026-01-05
        members: [U0BOB0001]
        channel: C0TOKYO001
  - name: sandbox
    channel: C0SANDBOX1
`);
  const [platform, sandbox] = config.teams;

  it('gives a rotation its team’s zone, and a team the top-level zone', () => {
    expect(platform?.rotations.map((rotation) => rotation.timezone)).toEqual([
      'Europe/Zurich',
      'Asia/Tokyo',
    ]);
    expect(sandbox?.timezone).toBe('Asia/Tokyo');
  });

  it('runs the status log in the team’s zone on workdays unless told otherwise', () => {
    expect(platform?.statusLog).toEqual({
      time: '09:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      timezone: 'Europe/Zurich',
    });
  });

  it('always answers in the team’s own channel', () => {
    expect(platform?.channels).toEqual(['C0PLATFORM1', 'C0SHOPDEV1']);
  });

  it('covers workdays when coverage names only the hours', () => {
    expect(platform?.rotations[0]?.coverage?.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });

  it('keeps a rotation’s own channel and an in-cluster cluster', () => {
    expect(platform?.rotations[1]?.channel).toBe('C0TOKYO001');
    expect(config.clusters).toEqual([{ name: 'local', inCluster: true }]);
  });
});

describe('durations and shift lengths as numbers', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['24h', 24 * 3_600_000],
    ['2d', 2 * 86_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(durationMs(text)).toBe(ms);
  });

  it.each([
    ['1w', { count: 1, unit: 'week', days: 7 }],
    ['2w', { count: 2, unit: 'week', days: 14 }],
    ['3d', { count: 3, unit: 'day', days: 3 }],
  ])('shift length %s', (text, expected) => {
    expect(parseShiftLength(text)).toEqual(expected);
  });
});
