// Rotation engine speed: 52 weeks of shifts (and the exact duty timeline) for 50 rotations with
// overrides, swaps and roster changes, across eight zones; plus the per-call cost of dutyAt.
import {
  dutyAt,
  dutySegments,
  shiftsBetween,
  type Override,
  type RotationChanges,
  type RotationSpec,
  type Swap,
} from '../src/oncall/engine/index.js';
import { runIfMain, type BenchRow } from './support/bench-row.js';

const ROTATIONS = 50;
const FROM = new Date('2026-01-05T00:00:00Z');
const TO = new Date(FROM.getTime() + 52 * 7 * 86_400_000);
const ZONES = [
  'Europe/Zurich',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Europe/London',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];
const SHIFTS: Array<RotationSpec['shiftLength']> = [
  { unit: 'week', count: 1 },
  { unit: 'day', count: 1 },
  { unit: 'week', count: 2 },
];

function at(offsetHours: number): Date {
  return new Date(FROM.getTime() + offsetHours * 3_600_000);
}

function rotationNumber(n: number): { spec: RotationSpec; changes: RotationChanges } {
  const members = ['ann', 'ben', 'cat', 'dan', 'eve'].map((name) => `${name}${n}`);
  const spec: RotationSpec = {
    name: `rotation-${n}`,
    timezone: ZONES[n % ZONES.length] as string,
    shiftLength: SHIFTS[n % SHIFTS.length] as RotationSpec['shiftLength'],
    handoff: { day: 'mon', time: n % 4 === 0 ? '02:30' : '09:00' },
    start: '2026-01-05',
    rosters: [
      { members, effectiveFrom: FROM },
      { members: members.slice(1), effectiveFrom: at(24 * 7 * 20) },
    ],
    holidays: ['2026-04-03', '2026-12-25'],
  };
  if (n % 2 === 0)
    spec.coverage = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' };
  const overrides: Override[] = Array.from({ length: 12 }, (_, i) => ({
    id: `o${n}-${i}`,
    member: `sub${i}`,
    start: at(24 * 30 * i + 10),
    end: at(24 * 30 * i + 10 + 36 + (i % 3) * 24),
    createdAt: at(-1000 + i),
    ...(i % 4 === 3 ? { replaces: members[i % members.length] as string } : {}),
  }));
  const swaps: Swap[] = [
    {
      id: `s${n}`,
      shiftA: at(1e6),
      memberA: 'x',
      shiftB: at(2e6),
      memberB: 'y',
      createdAt: at(-1),
    },
  ];
  return { spec, changes: { overrides, swaps } };
}

function timeOnce(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function allShifts(): void {
  for (let n = 0; n < ROTATIONS; n++) {
    const { spec, changes } = rotationNumber(n);
    shiftsBetween(spec, changes, FROM, TO);
  }
}

function allTimelines(): void {
  for (let n = 0; n < ROTATIONS; n++) {
    const { spec, changes } = rotationNumber(n);
    dutySegments(spec, changes, FROM, TO);
  }
}

export async function run(): Promise<BenchRow[]> {
  const cold = timeOnce(allShifts);
  const warm = median(Array.from({ length: 15 }, () => timeOnce(allShifts)));
  const timeline = median(Array.from({ length: 15 }, () => timeOnce(allTimelines)));
  const rotations = Array.from({ length: ROTATIONS }, (_, n) => rotationNumber(n));
  const calls = 20_000;
  const perCall = timeOnce(() => {
    for (let i = 0; i < calls; i++) {
      const { spec, changes } = rotations[i % ROTATIONS] as (typeof rotations)[number];
      dutyAt(spec, changes, at((i * 7) % (24 * 364)));
    }
  });
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    {
      name: 'rotation: 52 weeks of shifts × 50 rotations, first run in a process (JIT, zone data)',
      result: ms(cold),
      target: '— (once per process)',
    },
    {
      name: 'rotation: 52 weeks of shifts × 50 rotations (median of 15)',
      result: ms(warm),
      target: '≤ 20 ms',
    },
    {
      name: 'rotation: 52-week duty timeline × 50 rotations (median of 15)',
      result: ms(timeline),
      target: '≤ 20 ms',
    },
    {
      name: 'rotation: dutyAt, one call',
      result: `${((perCall * 1000) / calls).toFixed(1)} µs`,
      target: '—',
    },
  ];
}

await runIfMain(import.meta.url, run);
