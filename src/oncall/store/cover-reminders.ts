// When a cover request's reminders fall due: 3 days, 1 day and 12 hours before it starts (pure).

export type CoverReminder = '3d' | '1d' | '12h';

const HOUR = 3_600_000;

/** Earliest first. */
const REMINDERS: ReadonlyArray<{ reminder: CoverReminder; before: number }> = [
  { reminder: '3d', before: 72 * HOUR },
  { reminder: '1d', before: 24 * HOUR },
  { reminder: '12h', before: 12 * HOUR },
];

export function isCoverReminder(value: string): value is CoverReminder {
  return REMINDERS.some(({ reminder }) => reminder === value);
}

export function remindersFrom(values: readonly string[]): CoverReminder[] {
  return values.filter(isCoverReminder);
}

/** `reminder` and those that go out after it: once any of them is sent, `reminder` is not due. */
export function reminderAndLater(reminder: CoverReminder): CoverReminder[] {
  const index = REMINDERS.findIndex((entry) => entry.reminder === reminder);
  return REMINDERS.slice(index).map((entry) => entry.reminder);
}

/**
 * The reminder to send at `now` for a request still open: the latest whose instant has passed,
 * unless it (or a later one) went out already. Reminders whose instant came before the request
 * was made are never due (a request made 2 days ahead gets the 1-day and 12-hour ones).
 */
export function coverReminderDue(
  request: { start: Date; createdAt: Date; remindersSent: readonly CoverReminder[] },
  now: Date,
): CoverReminder | null {
  const start = request.start.getTime();
  if (start <= now.getTime()) return null;
  const passed = REMINDERS.filter(({ before }) => start - before <= now.getTime());
  const latest = passed[passed.length - 1];
  if (!latest || start - latest.before <= request.createdAt.getTime()) return null;
  const sent = new Set(request.remindersSent);
  return reminderAndLater(latest.reminder).some((reminder) => sent.has(reminder))
    ? null
    : latest.reminder;
}
