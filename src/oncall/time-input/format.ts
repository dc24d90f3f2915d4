// Instants shown as the wall clock of a zone ("Fri 2026-04-03 18:00"), for answers and error messages.
import { zoneClock } from '../engine/local-time.js';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday, local date and HH:MM of `instant` in `zone`; throws RangeError for an unknown zone. */
export function formatLocalTime(instant: Date, zone: string): string {
  const wall = new Date(zoneClock(zone).wallAt(instant.getTime()));
  const day = DAY_NAMES[wall.getUTCDay()] ?? '';
  return `${day} ${wall.toISOString().slice(0, 10)} ${wall.toISOString().slice(11, 16)}`;
}
