// Who holds shift k from the roster alone: cyclic order within a roster version, and the successor
// rule where a new version takes over at a handoff.
//
// At the first shift of a new version the outgoing person is whoever held the shift before. Duty
// passes to the member after them in the new order; if they were removed, to the first member
// after their old place in the old order who is still present; if nobody from the old order
// remains, to the first member of the new order. From there it continues cyclically.
import type { RosterVersion } from './types.js';

interface RosterPeriod {
  /** First shift index this version governs. */
  fromShift: number;
  members: readonly string[];
  /** Position in `members` of whoever holds `fromShift`. */
  firstPosition: number;
}

export interface RosterPlan {
  /** Ordered by fromShift; the first starts at 0. */
  periods: RosterPeriod[];
}

function positionIn(period: RosterPeriod, shift: number): number {
  const count = period.members.length;
  return (((period.firstPosition + shift - period.fromShift) % count) + count) % count;
}

function successorPosition(previous: RosterPeriod, fromShift: number, members: readonly string[]) {
  const outgoingPosition = positionIn(previous, fromShift - 1);
  const outgoing = previous.members[outgoingPosition] as string;
  const kept = members.indexOf(outgoing);
  if (kept >= 0) return (kept + 1) % members.length;
  for (let step = 1; step < previous.members.length; step++) {
    const next = previous.members[(outgoingPosition + step) % previous.members.length] as string;
    const position = members.indexOf(next);
    if (position >= 0) return position;
  }
  return 0;
}

/**
 * `firstShiftOf` maps a version's effectiveFrom to the first shift it governs. Versions after the
 * first are ordered by that shift; where several start at the same shift, the last listed wins.
 */
export function buildRosterPlan(
  versions: readonly RosterVersion[],
  firstShiftOf: (effectiveFrom: Date) => number,
): RosterPlan {
  const [initial, ...later] = versions;
  if (!initial) throw new RangeError('a rotation needs at least one roster version');
  const starts = later
    .map((version, order) => ({
      version,
      order,
      fromShift: Math.max(0, firstShiftOf(version.effectiveFrom)),
    }))
    .sort((a, b) => a.fromShift - b.fromShift || a.order - b.order);
  const periods: RosterPeriod[] = [{ fromShift: 0, members: initial.members, firstPosition: 0 }];
  for (const { version, fromShift } of starts) {
    const previous = periods[periods.length - 1] as RosterPeriod;
    if (previous.fromShift === fromShift) periods.pop();
    const before = periods[periods.length - 1];
    const firstPosition =
      before && fromShift > 0 ? successorPosition(before, fromShift, version.members) : 0;
    periods.push({ fromShift, members: version.members, firstPosition });
  }
  return { periods };
}

export function rosterMemberOf(plan: RosterPlan, shift: number): string {
  let period = plan.periods[0] as RosterPeriod;
  for (const candidate of plan.periods) {
    if (candidate.fromShift > shift) break;
    period = candidate;
  }
  return period.members[positionIn(period, shift)] as string;
}
