// Slack's date tokens (<!date^seconds^format|fallback>) and message times, shown in the viewer's zone
// relative to the sandbox's clock ("today", "in 3 days").

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(instant, timeZone) {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type) => fields.find((part) => part.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: MONTHS[Number(get('month')) - 1],
    monthIndex: Number(get('month')) - 1,
    day: Number(get('day')),
    weekday: get('weekday'),
    hh: get('hour'),
    mm: get('minute'),
    ss: get('second'),
  };
}

function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Whole calendar days from `now` to `instant` in the zone (0 today, 1 tomorrow, -1 yesterday). */
function dayDistance(instant, now, timeZone) {
  const a = parts(instant, timeZone);
  const b = parts(now, timeZone);
  const dayOf = (p) => Date.UTC(p.year, p.monthIndex, p.day) / 86_400_000;
  return dayOf(a) - dayOf(b);
}

function pretty(distance, otherwise) {
  return { 0: 'today', 1: 'tomorrow', '-1': 'yesterday' }[distance] ?? otherwise;
}

function ago(instant, now) {
  const seconds = Math.round((instant.getTime() - now.getTime()) / 1000);
  const units = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(
    Math.trunc(seconds / size),
    unit,
  );
}

/** Fills a date token's format (`{date_short_pretty} {time}`) for an instant, in the viewer's zone. */
export function formatDateToken(instant, format, { timeZone, now }) {
  const p = parts(instant, timeZone);
  const short = p.month.slice(0, 3);
  const distance = dayDistance(instant, now, timeZone);
  const values = {
    date_num: `${p.year}-${String(p.monthIndex + 1).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
    date: `${p.month} ${ordinal(p.day)}, ${p.year}`,
    date_short: `${short} ${p.day}, ${p.year}`,
    date_long: `${p.weekday}, ${p.month} ${ordinal(p.day)}, ${p.year}`,
    time: `${p.hh}:${p.mm}`,
    time_secs: `${p.hh}:${p.mm}:${p.ss}`,
    ago: ago(instant, now),
  };
  values.date_pretty = pretty(distance, values.date);
  values.date_short_pretty = pretty(distance, values.date_short);
  values.date_long_pretty = pretty(distance, values.date_long);
  values.day_divider_pretty = pretty(distance, `${p.weekday}, ${p.month} ${ordinal(p.day)}`);
  return format.replace(/\{([a-z_]+)\}/g, (token, name) => values[name] ?? token);
}

/** "Mon 30 Nov 2026, 09:00 Europe/Zurich": the full instant, for tooltips. */
export function fullInstant(instant, timeZone) {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${text} ${timeZone}`;
}

/** "Mon 23 Nov 14:05" in the zone. */
export function shortInstant(instant, timeZone) {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(instant);
  return `${day} ${formatDateToken(instant, '{time}', { timeZone, now: instant })}`;
}

/** A message's time: "14:05" today, else "Mon 23 Nov 14:05". */
export function messageTime(instant, { timeZone, now }) {
  if (dayDistance(instant, now, timeZone) !== 0) return shortInstant(instant, timeZone);
  return formatDateToken(instant, '{time}', { timeZone, now });
}
