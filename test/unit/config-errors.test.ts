// Broken app.yaml files: every problem is reported at once, as a sentence with its YAML path and line.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/config', name);

function problemLines(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

const cases: { file: string; expected: string[] }[] = [
  {
    file: 'bad-zone.yaml',
    expected: ['teams[0].rotations[1].timezone: "Europe/Zurch" is not an IANA time zone (line 12)'],
  },
  {
    file: 'typo-key.yaml',
    expected: [
      'teams[0].rotations[0].timzone: is not a known setting (did you mean timezone?) (line 7)',
    ],
  },
  {
    file: 'top-level-typo.yaml',
    expected: [
      'notice: is not a known setting (did you mean notices?) (line 6)',
      'pagerduty: is not a known setting (known settings here: timezone, clusters, teams, rollback, notices, scheduler) (line 8)',
    ],
  },
  {
    file: 'missing-field.yaml',
    expected: ['teams[0].rotations[0].start: is required (line 6)'],
  },
  {
    file: 'bad-time.yaml',
    expected: [
      'teams[0].rotations[0].handoff.time: "25:00" is not a time of day (use HH:MM between 00:00 and 23:59, like "09:00") (line 9)',
    ],
  },
  {
    file: 'bad-weekday.yaml',
    expected: [
      'teams[0].statusLog.days[4]: must be one of mon, tue, wed, thu, fri, sat, sun (got "fry") (line 7)',
    ],
  },
  {
    file: 'unknown-cluster.yaml',
    expected: [
      'teams[0].clusters[1].cluster: "prod-us" is not a cluster listed under clusters (one of prod-eu, staging) (line 12)',
      'notices[1].cluster: "stagign" is not a cluster listed under clusters (did you mean staging?) (line 15)',
    ],
  },
  {
    file: 'duplicate-rotation.yaml',
    expected: [
      'teams[1].rotations[0].name: "zurich" is already the name of teams[0].rotations[0]; rotation names must be unique across all teams (line 13)',
    ],
  },
  {
    file: 'day-shift-with-day.yaml',
    expected: [
      'teams[0].rotations[0].handoff.day: must be left out for shifts counted in days (shiftLength 3d): they hand off every 3d at handoff.time (line 8)',
    ],
  },
  {
    file: 'week-shift-without-day.yaml',
    expected: [
      'teams[0].rotations[0].handoff.day: is required for week-long shifts (shiftLength 2w) (line 8)',
    ],
  },
  {
    file: 'start-not-handoff-day.yaml',
    expected: [
      'teams[0].rotations[0].start: 2026-01-06 is a Tuesday, but handoff.day is mon; start is the local date of the first handoff (line 8)',
    ],
  },
  {
    file: 'bad-date.yaml',
    expected: [
      'teams[0].rotations[0].start: "2026-02-30" is not a real calendar date (line 8)',
      'teams[0].rotations[0].holidays[1]: "26.12.2026" is not a date (use YYYY-MM-DD, like 2026-01-05) (line 12)',
    ],
  },
  {
    file: 'bad-channel.yaml',
    expected: [
      `teams[0].channel: "#platform" is not a Slack channel id (ids look like C0PLATFORM1; copy it from the channel's details in Slack) (line 4)`,
    ],
  },
  {
    file: 'empty-members.yaml',
    expected: ['teams[0].rotations[0].members: must list at least one entry (line 9)'],
  },
  {
    file: 'bad-duration.yaml',
    expected: [
      'teams[0].rotations[0].reminder: "1 day" is not a duration (use a number and a unit m, h or d, like 30m, 24h or 2d) (line 10)',
      'rollback.expiresAfter: must be text (got 30: YAML read a number, so put the value in quotes) (line 12)',
    ],
  },
  {
    file: 'syntax-error.yaml',
    expected: [
      'YAML syntax error: Nested mappings are not allowed in compact mappings (check the indentation here and below) (line 4)',
    ],
  },
  {
    file: 'members-string.yaml',
    expected: ['teams[0].rotations[0].members: must be a list (got "U0ALICE01") (line 9)'],
  },
  {
    file: 'wrong-types.yaml',
    expected: [
      'teams[0].statusLog.time: must be text (got 900: YAML read a number, so put the value in quotes) (line 6)',
      'teams[0].rotations[0].handoff: has no value; it must be a mapping of settings (line 9)',
      'rollback.selfApproval: must be true or false (got "no") (line 13)',
    ],
  },
  {
    file: 'three-problems.yaml',
    expected: [
      'teams[0].clusters[0].cluster: "prod-us" is not a cluster listed under clusters (one of prod-eu) (line 10)',
      'teams[0].rotations[0].handoff.time: "9am" is not a time of day (use HH:MM between 00:00 and 23:59, like "09:00") (line 13)',
      'teams[0].rotations[0].members[2]: "U0ALICE01" is listed twice (also as members[0]) (line 15)',
    ],
  },
  {
    file: 'coverage-backwards.yaml',
    expected: [
      'teams[0].rotations[0].coverage.to: "06:00" must be later than from ("22:00"): coverage hours end on the day they start; cover nights with a separate rotation (line 10)',
    ],
  },
  {
    file: 'cluster-access.yaml',
    expected: [
      'clusters[0]: needs either context (a kubeconfig context) or inCluster: true (line 3)',
      'clusters[1]: sets both context and inCluster: true; keep only one (line 4)',
      `clusters[2].name: "Prod EU" is not a valid name (use lowercase letters, digits and '-', like prod-eu) (line 7)`,
      `teams[0].clusters[0].namespaces[1]: "Payments" is not a valid Kubernetes namespace (lowercase letters, digits and '-', at most 63 characters) (line 14)`,
    ],
  },
  {
    file: 'wrong-ids.yaml',
    expected: [
      'teams[0].managers[0]: "alice" is not a Slack user id or email address (ids look like U0ALICE01) (line 6)',
      'teams[0].userGroup: "oncall-platform" is not a Slack user group id (ids look like S0ONCALLZH) (line 7)',
      'teams[1].channel: "C0SHOPDEV1" already belongs to teams[0]; a channel answers for one team only (line 9)',
      'rollback.approvers: names nobody; list userGroups or users, or set onCall: true (line 11)',
      'rollback.gitops: must be one of warn, refuse (got "ignore") (line 12)',
    ],
  },
  {
    file: 'empty.yaml',
    expected: [
      'the configuration is empty; it needs at least a teams section (see docs/configuration.md)',
    ],
  },
  {
    file: 'not-a-mapping.yaml',
    expected: [
      'the file must be a mapping of settings (timezone, clusters, teams, …), not a list (line 1)',
    ],
  },
];

describe('a broken app.yaml', () => {
  it.each(cases)('$file reports exactly its problems, with path and line', ({ file, expected }) => {
    expect(problemLines(() => loadConfig(fixture(file)))).toEqual(expected);
  });

  it('keeps each problem as data too, for tools that show them their own way', () => {
    const text = readFileSync(fixture('bad-zone.yaml'), 'utf8');
    let caught: unknown;
    try {
      parseConfig(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      {
        path: 'teams[0].rotations[1].timezone',
        line: 12,
        message: '"Europe/Zurch" is not an IANA time zone',
      },
    ]);
  });
});

describe('a configuration file that cannot be read', () => {
  it('names the missing path and what to do', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'watchkeeper-config-')), 'app.yaml');
    expect(problemLines(() => loadConfig(missing))).toEqual([
      `${missing} does not exist; create it (docs/configuration.md describes every setting) or set APP_CONFIG to your configuration file`,
    ]);
  });

  it('says so when the path is a directory', () => {
    const directory = mkdtempSync(join(tmpdir(), 'watchkeeper-config-'));
    expect(problemLines(() => loadConfig(directory))).toEqual([
      `${directory} is a directory; point APP_CONFIG at the app.yaml file itself`,
    ]);
  });
});
