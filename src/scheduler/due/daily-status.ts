// When a team's daily status post is due: its wall-clock time on its weekdays, in the status log's zone.
import type { Team } from '../../config/schema.js';
import {
  epochDayOfWall,
  formatLocalDate,
  parseWallTime,
  wallOf,
  weekdayNumber,
  weekdayOf,
  zoneClock,
} from '../../oncall/engine/local-time.js';
import { eventKey, type DailyStatusEvent } from './types.js';

/**
 * The team's daily status posts scheduled in [from, to). A time that does not exist that day
 * (spring forward) is due at the first instant after the gap; one that happens twice, at the first.
 */
export function dailyStatusEvents(team: Team, from: Date, to: Date): DailyStatusEvent[] {
  const log = team.statusLog;
  if (!log) return [];
  const minutes = parseWallTime(log.time);
  if (minutes === null) throw new RangeError(`team "${team.name}": statusLog.time "${log.time}"`);
  const clock = zoneClock(log.timezone);
  const days = new Set(log.days.map(weekdayNumber));
  const firstDay = epochDayOfWall(clock.wallAt(from.getTime())) - 1;
  const lastDay = epochDayOfWall(clock.wallAt(to.getTime())) + 1;
  const events: DailyStatusEvent[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (!days.has(weekdayOf(day))) continue;
    const instant = clock.instantOf(wallOf(day, minutes));
    if (instant < from.getTime() || instant >= to.getTime()) continue;
    const scheduledAt = new Date(instant);
    events.push({
      kind: 'daily-status',
      key: eventKey('daily-status', team.name, scheduledAt),
      team: team.name,
      channel: team.channel,
      scheduledAt,
      details: { date: formatLocalDate(day), timezone: log.timezone },
    });
  }
  return events;
}
