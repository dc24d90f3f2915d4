// `watchkeeper schedule --rotation R [--config F] [--from TIME] [--to TIME] [--json]`: the shifts
// of one rotation in a range, swaps applied, with the overrides inside them as entries of their own.
//
// Entries: every whole shift overlapping [from, to) (not clipped; member after swaps, source
// "rotation" or "swap"), each followed by the override spans inside it that overlap the range
// (source "override", the member on duty instead). Override spans are not clipped either.
import { systemClock, type Clock } from '../clock.js';
import { configPathFromEnv, readEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { MS_PER_DAY } from '../oncall/engine/local-time.js';
import {
  shiftAt,
  shiftsBetween,
  type DutySource,
  type RotationChanges,
  type RotationSpec,
  type Shift,
} from '../oncall/engine/index.js';
import { rotationSpec } from '../oncall/rotation-spec.js';
import { formatLocalTime, parseTimeInput, type TimeRange } from '../oncall/time-input.js';
import { loadRotationChanges } from './rotation-changes.js';
import { flagValue, readFlags, requireRotation, UsageError, withUsage } from './rotation-args.js';

export const scheduleUsage =
  'Usage: watchkeeper schedule --rotation R [--config F] [--from TIME] [--to TIME] [--json]';

const MAX_RANGE_DAYS = 366;

export interface ScheduleEntry {
  start: Date;
  end: Date;
  member: string;
  source: DutySource;
}

/** Override segments of one shift, joined where one override continues across a coverage edge. */
function overrideEntries(shift: Shift, range: TimeRange): ScheduleEntry[] {
  const entries: Array<ScheduleEntry & { overrideId?: string }> = [];
  for (const segment of shift.overrides) {
    if (segment.member === null || segment.end <= range.start || segment.start >= range.end) {
      continue;
    }
    const last = entries[entries.length - 1];
    if (
      last &&
      last.overrideId === segment.overrideId &&
      last.end.getTime() === segment.start.getTime()
    ) {
      last.end = segment.end;
      continue;
    }
    const entry = { start: segment.start, end: segment.end, member: segment.member };
    entries.push({ ...entry, source: 'override', overrideId: segment.overrideId });
  }
  return entries.map(({ start, end, member, source }) => ({ start, end, member, source }));
}

export function scheduleEntries(
  spec: RotationSpec,
  changes: RotationChanges,
  range: TimeRange,
): ScheduleEntry[] {
  return shiftsBetween(spec, changes, range.start, range.end).flatMap((shift) => [
    { start: shift.start, end: shift.end, member: shift.member, source: shift.source },
    ...overrideEntries(shift, range),
  ]);
}

/** `schedule --json`; instants are `toISOString()` (UTC, milliseconds, `Z`). */
export function scheduleJson(rotation: string, entries: readonly ScheduleEntry[]) {
  return {
    rotation,
    shifts: entries.map((entry) => ({
      start: entry.start.toISOString(),
      end: entry.end.toISOString(),
      member: entry.member,
      source: entry.source,
    })),
  };
}

export function scheduleLines(
  rotation: string,
  zone: string,
  range: TimeRange,
  entries: readonly ScheduleEntry[],
): string[] {
  const local = (at: Date) => formatLocalTime(at, zone);
  const header = `${rotation}: shifts from ${local(range.start)} to ${local(range.end)} (${zone})`;
  if (entries.length === 0) return [header, '  none: the rotation has not started by then'];
  return [
    header,
    ...entries.map((entry) => {
      const indent = entry.source === 'override' ? '    ' : '  ';
      const note = entry.source === 'rotation' ? '' : ` (${entry.source})`;
      return `${indent}${local(entry.start)} → ${local(entry.end)}  ${entry.member}${note}`;
    }),
  ];
}

function readRange(from: string | undefined, to: string | undefined, zone: string, now: Date) {
  const opts = { timezone: zone, now };
  const start = flagValue('--from', () => parseTimeInput(from ?? 'now', opts));
  const endOpts = { ...opts, endOfDay: true, relativeTo: start };
  const end = flagValue('--to', () => parseTimeInput(to ?? '+4w', endOpts));
  if (end <= start) {
    throw new UsageError(
      `--to (${formatLocalTime(end, zone)}) is not after --from (${formatLocalTime(start, zone)})`,
    );
  }
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * MS_PER_DAY) {
    throw new UsageError(`the range is longer than ${MAX_RANGE_DAYS} days; ask for a year at most`);
  }
  return { start, end };
}

/** The span whose overrides matter: from the start of the first shift to the end of the last. */
function shiftsSpan(spec: RotationSpec, range: TimeRange): TimeRange {
  return {
    start: shiftAt(spec, range.start)?.start ?? range.start,
    end: shiftAt(spec, new Date(range.end.getTime() - 1))?.end ?? range.end,
  };
}

export async function scheduleCommand(args: string[], clock: Clock = systemClock): Promise<number> {
  return withUsage('schedule', scheduleUsage, async () => {
    const values = readFlags(args, {
      config: { type: 'string' },
      rotation: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.rotation === undefined) throw new UsageError('--rotation is required');
    const config = loadConfig(values.config ?? configPathFromEnv());
    const rotation = requireRotation(config, values.rotation);
    const name = rotation.name;
    const range = readRange(values.from, values.to, rotation.timezone, clock.now());
    const span = shiftsSpan(rotationSpec(rotation), range);
    const [context] = await loadRotationChanges(config, readEnv(), {
      names: [name],
      from: span.start,
      to: span.end,
    });
    if (!context) throw new Error(`rotation ${name} was not loaded`);
    const entries = scheduleEntries(context.spec, context.changes, range);
    if (values.json) console.log(JSON.stringify(scheduleJson(name, entries)));
    else console.log(scheduleLines(name, rotation.timezone, range, entries).join('\n'));
    return 0;
  });
}
