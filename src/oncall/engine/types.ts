// The rotation engine's inputs and outputs: plain data, independent of the config file's shape.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface RotationSpec {
  name: string;
  /** IANA zone in which handoffs, coverage hours and holidays are read. */
  timezone: string;
  shiftLength: { unit: 'day' | 'week'; count: number };
  /** `day` applies to week-long shifts only; `time` is local HH:MM. */
  handoff: { day?: Weekday; time: string };
  /**
   * Local YYYY-MM-DD of the first handoff. For week-long shifts whose `handoff.day` differs from
   * this date's weekday, the first handoff is the first such weekday on or after this date;
   * without `handoff.day`, week-long shifts hand off on this date's weekday.
   */
  start: string;
  /** At least one; the first applies from the first handoff, later ones from their `effectiveFrom`. */
  rosters: RosterVersion[];
  /** Local HH:MM hours on the listed days; `to` ≤ `from` runs past midnight; `to` may be "24:00". */
  coverage?: { days: Weekday[]; from: string; to: string };
  /** Local YYYY-MM-DD dates with no coverage at all. */
  holidays?: string[];
}

export interface RosterVersion {
  members: string[];
  /** A handoff instant (otherwise: the first handoff at or after it). Ignored for the first version. */
  effectiveFrom: Date;
}

export interface Override {
  id: string;
  member: string;
  /** [start, end) */
  start: Date;
  end: Date;
  createdAt: Date;
  reason?: string;
  /** The member this override covers for: it applies only while that member would be on duty. */
  replaces?: string;
}

/** A confirmed trade of two whole shifts, each named by its start instant. */
export interface Swap {
  id: string;
  shiftA: Date;
  memberA: string;
  shiftB: Date;
  memberB: string;
  createdAt: Date;
}

export interface RotationChanges {
  overrides: readonly Override[];
  swaps: readonly Swap[];
}

export type DutySource = 'rotation' | 'override' | 'swap';

export interface ShiftWindow {
  index: number;
  start: Date;
  end: Date;
}

export interface Duty {
  rotation: string;
  at: Date;
  /** Who is on duty now; null outside coverage, before the first handoff, or with no override. */
  member: string | null;
  /** Whether `at` lies inside the rotation's coverage hours (always true without a coverage mask). */
  covered: boolean;
  source: DutySource;
  /** The shift in progress, its member after swaps and before overrides; null before the first handoff. */
  shift: (ShiftWindow & { member: string; swapId?: string }) | null;
  override?: Override;
  /** The person the override stands in for (who would be on duty without it), if anyone. */
  coveredFor?: string;
  /** Set before the first handoff: when the rotation starts. */
  rotationStartsAt?: Date;
}

export interface ShiftSegment {
  start: Date;
  end: Date;
  member: string | null;
  source: DutySource;
  /** -1 before the first handoff. */
  shiftIndex: number;
  covered: boolean;
  overrideId?: string;
  /** Set on every segment of a swapped shift. */
  swapId?: string;
}

export interface Shift extends ShiftWindow {
  /** After swaps, before overrides. */
  member: string;
  /** From the roster alone, before swaps. */
  rosterMember: string;
  source: 'rotation' | 'swap';
  swapId?: string;
  /** The parts of this shift during which an override puts someone else (or someone) on duty. */
  overrides: ShiftSegment[];
}

export type OnCallChangeKind =
  'handoff' | 'override-start' | 'override-end' | 'coverage-start' | 'coverage-end';

export interface OnCallChange {
  at: Date;
  kind: OnCallChangeKind;
  /** On duty just before `at`. */
  from: string | null;
  /** On duty from `at`. */
  to: string | null;
}

export interface SwapOutcome {
  swap: Swap;
  applied: boolean;
  /** Why a swap is void. */
  reason?: string;
}
