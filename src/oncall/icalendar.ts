// Renders shifts as an iCalendar feed (RFC 5545): one VEVENT per shift, instants in UTC.

export interface CalendarShift {
  /** Stable across renders, so calendar clients update an event instead of adding another. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
}

export interface CalendarInput {
  name: string;
  shifts: readonly CalendarShift[];
  /** DTSTAMP of every event: when this feed was produced. */
  now: Date;
}

const PRODUCT_ID = '-//Watchkeeper//On-call schedule//EN';
/** RFC 5545 §3.1: lines longer than 75 octets, line break excluded, are folded. */
const MAX_LINE_OCTETS = 75;

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter(isAllowedInText)
    .join('');
}

/** TEXT may hold any character but the controls other than horizontal tab. */
function isAllowedInText(char: string): boolean {
  const code = char.charCodeAt(0);
  return char === '\t' || (code >= 0x20 && code !== 0x7f);
}

/** 20260330T070000Z */
export function formatUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('an event time is not a valid date');
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Splits a content line into pieces of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

function eventLines(shift: CalendarShift, stamp: string): string[] {
  if (!(shift.end > shift.start)) {
    throw new RangeError(`calendar event ${shift.uid} ends before it starts`);
  }
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(shift.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatUtc(shift.start)}`,
    `DTEND:${formatUtc(shift.end)}`,
    `SUMMARY:${escapeText(shift.summary)}`,
  ];
  if (shift.description !== undefined) lines.push(`DESCRIPTION:${escapeText(shift.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR: CRLF line endings (the last line too), long lines folded. */
export function renderCalendar(input: CalendarInput): string {
  const stamp = formatUtc(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    ...input.shifts.flatMap((shift) => eventLines(shift, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
