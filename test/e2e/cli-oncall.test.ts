// `watchkeeper oncall` and `watchkeeper schedule` as an operator runs them, against a temporary
// app.yaml: exact JSON and text at known instants (a Zurich shift across the spring DST change is
// 167 h, across the autumn one 169 h), coverage gaps, bad flags and names, and the database path
// with an override and a swap. Expected instants were worked out by hand (CET = UTC+1, CEST = UTC+2,
// PDT = UTC−7; rotations start Monday 2026-01-05, so shift k starts k weeks later).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';
import { OncallStore } from '../../src/oncall/store/index.js';
import { cleanEnv, runCli, type CliResult } from '../support/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const APP_YAML = `
timezone: Europe/Zurich
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:
      - name: zurich
        timezone: Europe/Zurich
        shiftLength: 1w
        handoff: { day: mon, time: '09:00' }
        start: 2026-01-05
        members: [U0ALICE01, U0BOB0001, U0CAROL01]
        coverage: { days: [mon, tue, wed, thu, fri], from: '08:00', to: '18:00' }
      - name: palo-alto
        timezone: America/Los_Angeles
        shiftLength: 1w
        handoff: { day: mon, time: '09:00' }
        start: 2026-01-05
        members: [U0DAVE001, U0ERIN001, U0FRANK01]
`;

const HOUR = 3_600_000;
const ONCALL_USAGE = 'Usage: watchkeeper oncall [--config F] [--at ISO] [--rotation R] [--json]';
const SCHEDULE_USAGE =
  'Usage: watchkeeper schedule --rotation R [--config F] [--from TIME] [--to TIME] [--json]';

let dir: string;
let config: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'watchkeeper-cli-oncall-'));
  config = join(dir, 'app.yaml');
  writeFileSync(config, APP_YAML);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function watchkeeper(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, cleanEnv({ APP_CONFIG: config, ...env }));
}

async function json(args: string[], env?: Record<string, string>): Promise<unknown> {
  const result = await watchkeeper([...args, '--json'], env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function shift(start: string, end: string) {
  return { start, end };
}

describe('watchkeeper oncall --json', () => {
  it('names who is on duty in every rotation at a known instant (Wed 2026-03-25 11:30 Zurich)', async () => {
    expect(await json(['oncall', '--at', '2026-03-25T10:30:00Z'])).toEqual({
      at: '2026-03-25T10:30:00.000Z',
      rotations: [
        {
          rotation: 'zurich',
          member: 'U0CAROL01',
          covered: true,
          source: 'rotation',
          shift: shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
        },
        {
          rotation: 'palo-alto',
          member: 'U0FRANK01',
          covered: true,
          source: 'rotation',
          shift: shift('2026-03-23T16:00:00.000Z', '2026-03-30T16:00:00.000Z'),
        },
      ],
    });
  });

  it.each([
    [
      'spring',
      '2026-03-25T10:30:00Z',
      'U0CAROL01',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      167,
    ],
    [
      'autumn',
      '2026-10-21T10:00:00Z',
      'U0CAROL01',
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      169,
    ],
    [
      'first',
      '2026-01-05T08:00:00Z',
      'U0ALICE01',
      '2026-01-05T08:00:00.000Z',
      '2026-01-12T08:00:00.000Z',
      168,
    ],
  ])(
    'keeps the Monday 09:00 handoff local across the %s shift',
    async (_name, at, member, start, end, hours) => {
      const answer = (await json(['oncall', '--rotation', 'zurich', '--at', at])) as {
        rotations: Array<{ member: string; shift: { start: string; end: string } }>;
      };
      expect(answer.rotations).toHaveLength(1);
      expect(answer.rotations[0]?.member).toBe(member);
      expect(answer.rotations[0]?.shift).toEqual(shift(start, end));
      expect((Date.parse(end) - Date.parse(start)) / HOUR).toBe(hours);
    },
  );

  it.each([
    [
      'on Saturday',
      '2026-03-28T12:00:00Z',
      shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
    ],
    [
      'on a weekday evening',
      '2026-03-25T17:00:00Z',
      shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
    ],
    ['before the first handoff', '2026-01-05T07:59:59Z', null],
  ])('says nobody is covering %s', async (_name, at, expectedShift) => {
    expect(await json(['oncall', '--rotation', 'zurich', '--at', at])).toEqual({
      at: new Date(at).toISOString(),
      rotations: [
        {
          rotation: 'zurich',
          member: null,
          covered: false,
          source: 'rotation',
          shift: expectedShift,
        },
      ],
    });
  });
});

describe('watchkeeper oncall as text', () => {
  it.each([
    [
      '2026-03-25T10:30:00Z',
      [
        'zurich: U0CAROL01, shift until Mon 2026-03-30 09:00 (Europe/Zurich)',
        'palo-alto: U0FRANK01, shift until Mon 2026-03-30 09:00 (America/Los_Angeles)',
      ],
    ],
    [
      '2026-03-28T12:00:00Z',
      [
        "zurich: nobody on duty (outside coverage hours, coverage resumes Mon 2026-03-30 08:00); U0CAROL01's shift until Mon 2026-03-30 09:00 (Europe/Zurich)",
        'palo-alto: U0FRANK01, shift until Mon 2026-03-30 09:00 (America/Los_Angeles)',
      ],
    ],
    [
      '2026-01-01T00:00:00Z',
      [
        'zurich: not started yet; first handoff Mon 2026-01-05 09:00 (Europe/Zurich)',
        'palo-alto: not started yet; first handoff Mon 2026-01-05 09:00 (America/Los_Angeles)',
      ],
    ],
  ])('prints one line per rotation at %s', async (at, lines) => {
    const result = await watchkeeper(['oncall', '--at', at]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${lines.join('\n')}\n`);
  });

  it('answers for the current instant without --at', async () => {
    const result = await watchkeeper(['oncall', '--rotation', 'palo-alto']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^palo-alto: U0(DAVE|ERIN|FRANK)\w*, shift until \w{3} [\d-]{10} 09:00 \(America\/Los_Angeles\)\n$/,
    );
  });
});

describe('watchkeeper schedule', () => {
  it('lists whole shifts overlapping an ISO range', async () => {
    const args = [
      'schedule',
      '--rotation',
      'zurich',
      '--from',
      '2026-03-24T00:00:00Z',
      '--to',
      '2026-04-07T00:00:00Z',
    ];
    expect(await json(args)).toEqual({
      rotation: 'zurich',
      shifts: [
        {
          ...shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
          member: 'U0CAROL01',
          source: 'rotation',
        },
        {
          ...shift('2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z'),
          member: 'U0ALICE01',
          source: 'rotation',
        },
        {
          ...shift('2026-04-06T07:00:00.000Z', '2026-04-13T07:00:00.000Z'),
          member: 'U0BOB0001',
          source: 'rotation',
        },
      ],
    });
  });

  it('reads a date-only range in the rotation zone, the end date included', async () => {
    const args = ['schedule', '--rotation', 'zurich', '--from', '2026-03-30', '--to', '2026-03-30'];
    const result = await watchkeeper(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'zurich: shifts from Mon 2026-03-30 00:00 to Tue 2026-03-31 00:00 (Europe/Zurich)',
        '  Mon 2026-03-23 09:00 → Mon 2026-03-30 09:00  U0CAROL01',
        '  Mon 2026-03-30 09:00 → Mon 2026-04-06 09:00  U0ALICE01',
        '',
      ].join('\n'),
    );
  });

  it('covers four weeks from now by default, shift after shift', async () => {
    const { shifts } = (await json(['schedule', '--rotation', 'palo-alto'])) as {
      shifts: Array<{ start: string; end: string }>;
    };
    expect(shifts.length === 4 || shifts.length === 5).toBe(true);
    shifts.slice(1).forEach((entry, index) => expect(entry.start).toBe(shifts[index]?.end));
  });
});

describe('bad command lines get one sentence and the usage line', () => {
  it.each([
    [
      ['oncall', '--rotation', 'zurch'],
      2,
      'watchkeeper oncall: there is no rotation named "zurch" in app.yaml (did you mean zurich? rotations: zurich, palo-alto)',
      ONCALL_USAGE,
    ],
    [
      ['oncall', '--at', '2026-03-30'],
      2,
      'watchkeeper oncall: --at "2026-03-30" is not an ISO instant with a time zone (use e.g. 2026-03-30T07:00:00Z)',
      ONCALL_USAGE,
    ],
    [
      ['oncall', '--at', 'tomorrow'],
      2,
      'watchkeeper oncall: --at "tomorrow" is not an ISO instant with a time zone (use e.g. 2026-03-30T07:00:00Z)',
      ONCALL_USAGE,
    ],
    [
      ['oncall', '--at', '2026-02-30T09:00:00Z'],
      2,
      'watchkeeper oncall: --at "2026-02-30T09:00:00Z": 2026-02-30 is not a date (use YYYY-MM-DD, e.g. 2026-12-24)',
      ONCALL_USAGE,
    ],
    [['oncall', '--at'], 2, 'watchkeeper oncall: --at needs a value', ONCALL_USAGE],
    [['oncall', '--when', 'now'], 2, 'watchkeeper oncall: unknown option --when', ONCALL_USAGE],
    [['oncall', 'zurich'], 2, 'watchkeeper oncall: unexpected argument "zurich"', ONCALL_USAGE],
    [['schedule'], 2, 'watchkeeper schedule: --rotation is required', SCHEDULE_USAGE],
    [
      ['schedule', '--rotation', 'nope'],
      2,
      'watchkeeper schedule: there is no rotation named "nope" in app.yaml (rotations: zurich, palo-alto)',
      SCHEDULE_USAGE,
    ],
    [
      ['schedule', '--rotation', 'zurich', '--from', 'fri 25:00'],
      2,
      'watchkeeper schedule: --from "fri 25:00": 25:00 is not a time of day (use HH:MM, e.g. 18:00)',
      SCHEDULE_USAGE,
    ],
    [
      ['schedule', '--rotation', 'zurich', '--from', '2026-04-01', '--to', '2026-03-01'],
      2,
      'watchkeeper schedule: --to (Mon 2026-03-02 00:00) is not after --from (Wed 2026-04-01 00:00)',
      SCHEDULE_USAGE,
    ],
    [
      ['schedule', '--rotation', 'zurich', '--from', '2026-01-01', '--to', '2028-01-01'],
      2,
      'watchkeeper schedule: the range is longer than 366 days; ask for a year at most',
      SCHEDULE_USAGE,
    ],
  ])('%j → exit %i', async (args, code, sentence, usage) => {
    const result = await watchkeeper(args);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      code,
      '',
      `${sentence}\n${usage}\n`,
    ]);
  });

  it('names a missing configuration file and exits 1', async () => {
    const result = await watchkeeper(['oncall', '--config', join(dir, 'missing.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'missing.yaml')} does not exist`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a database without the on-call tables needs migrating, and exits 1', async () => {
    const empty = await createTestDatabase();
    try {
      const result = await watchkeeper(['oncall', '--at', '2026-03-25T10:30:00Z'], {
        DATABASE_URL: empty.url,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/has no on-call tables yet; run "watchkeeper migrate" first/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      await empty.close();
    }
  });
});

describe('with DATABASE_URL: overrides and swaps from the store', () => {
  let testDb: TestDatabase;
  let db: Database;
  let env: Record<string, string>;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase({ databaseUrl: testDb.url, dataDir: 'unused' });
    await runMigrations(db);
    const store = new OncallStore(db.pool);
    const now = new Date('2026-03-01T00:00:00Z');
    await store.addOverride({
      rotation: 'zurich',
      member: 'U0BOB0001',
      start: new Date('2026-03-26T07:00:00Z'),
      end: new Date('2026-03-26T17:00:00Z'),
      reason: 'Carol at the dentist',
      createdBy: 'U0CAROL01',
      now,
    });
    const swap = await store.proposeSwap({
      rotation: 'zurich',
      shiftA: new Date('2026-03-30T07:00:00Z'),
      memberA: 'U0ALICE01',
      shiftB: new Date('2026-04-06T07:00:00Z'),
      memberB: 'U0BOB0001',
      requestedBy: 'U0ALICE01',
      now,
    });
    await store.decideSwap(swap.id, 'confirmed', 'U0BOB0001', now);
    env = { DATABASE_URL: testDb.url };
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.close();
  });

  it.each([
    [
      '2026-03-26T10:00:00Z',
      'U0BOB0001',
      'override',
      shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
    ],
    [
      '2026-03-26T17:00:00Z',
      null,
      'rotation',
      shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
    ],
    [
      '2026-04-01T10:00:00Z',
      'U0BOB0001',
      'swap',
      shift('2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z'),
    ],
  ])('oncall at %s: %s (%s)', async (at, member, source, expectedShift) => {
    expect(await json(['oncall', '--rotation', 'zurich', '--at', at], env)).toEqual({
      at: new Date(at).toISOString(),
      rotations: [
        { rotation: 'zurich', member, covered: member !== null, source, shift: expectedShift },
      ],
    });
  });

  it('prints who covers for whom', async () => {
    const result = await watchkeeper(
      ['oncall', '--rotation', 'zurich', '--at', '2026-03-26T10:00:00Z'],
      env,
    );
    expect(result.stdout).toBe(
      'zurich: U0BOB0001 (covering for U0CAROL01) until Thu 2026-03-26 18:00 (Europe/Zurich)\n',
    );
  });

  it('schedule lists swapped shifts and the override inside a shift as its own entry', async () => {
    const args = [
      'schedule',
      '--rotation',
      'zurich',
      '--from',
      '2026-03-23T08:00:00Z',
      '--to',
      '2026-04-13T07:00:00Z',
    ];
    expect(await json(args, env)).toEqual({
      rotation: 'zurich',
      shifts: [
        {
          ...shift('2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z'),
          member: 'U0CAROL01',
          source: 'rotation',
        },
        {
          ...shift('2026-03-26T07:00:00.000Z', '2026-03-26T17:00:00.000Z'),
          member: 'U0BOB0001',
          source: 'override',
        },
        {
          ...shift('2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z'),
          member: 'U0BOB0001',
          source: 'swap',
        },
        {
          ...shift('2026-04-06T07:00:00.000Z', '2026-04-13T07:00:00.000Z'),
          member: 'U0ALICE01',
          source: 'swap',
        },
      ],
    });
  });
});
