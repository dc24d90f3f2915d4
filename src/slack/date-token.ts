// Slack date tokens (<!date^…>), so each reader sees a time in their own zone, with a UTC fallback.

const fallbackFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export type DateTokenStyle = 'datetime' | 'date' | 'time';

const formats: Record<DateTokenStyle, string> = {
  datetime: '{date_short_pretty} {time}',
  date: '{date_short_pretty}',
  time: '{time}',
};

export function slackDate(instant: Date, style: DateTokenStyle = 'datetime'): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  return `<!date^${seconds}^${formats[style]}|${fallbackFormat.format(instant)} UTC>`;
}
