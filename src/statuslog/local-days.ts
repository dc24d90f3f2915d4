// Local calendar days and weeks of a team's zone as UTC instants (DST-exact, via the engine's zone clock).
import { epochDayOfWall, wallOf, weekdayOf, zoneClock } from '../oncall/engine/local-time.js';

export interface DayRange {
  from: Date;
  to: Date;
}

/** The local day containing `at` (midnight to midnight in `zone`), shifted by `offsetDays`. */
export function localDay(zone: string, at: Date, offsetDays = 0): DayRange {
  const clock = zoneClock(zone);
  const day = epochDayOfWall(clock.wallAt(at.getTime())) + offsetDays;
  return {
    from: new Date(clock.instantOf(wallOf(day, 0))),
    to: new Date(clock.instantOf(wallOf(day + 1, 0))),
  };
}

/** Monday 00:00 of the local week containing `at`, to now's day end. */
export function localWeek(zone: string, at: Date): DayRange {
  const clock = zoneClock(zone);
  const day = epochDayOfWall(clock.wallAt(at.getTime()));
  const monday = day - weekdayOf(day);
  return {
    from: new Date(clock.instantOf(wallOf(monday, 0))),
    to: new Date(clock.instantOf(wallOf(day + 1, 0))),
  };
}
