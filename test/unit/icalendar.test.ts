// The iCalendar feed: golden output for a small calendar, escaping, 75-octet folding (never inside
// a UTF-8 character), and every rendering read back by a strict parser of the RFC 5545 grammar.
import { describe, expect, it } from 'vitest';
import {
  escapeText,
  foldLine,
  renderCalendar,
  type CalendarInput,
  type CalendarShift,
} from '../../src/oncall/icalendar.js';

const NOW = new Date('2026-03-25T10:30:00Z');

const SMALL: CalendarInput = {
  name: 'Watchkeeper: zurich',
  now: NOW,
  shifts: [
    {
      uid: 'zurich-11@watchkeeper',
      start: new Date('2026-03-23T08:00:00Z'),
      end: new Date('2026-03-30T07:00:00Z'),
      summary: 'On call: zurich (U0CAROL01)',
    },
    {
      uid: 'zurich-12@watchkeeper',
      start: new Date('2026-03-30T07:00:00Z'),
      end: new Date('2026-04-06T07:00:00Z'),
      summary: 'On call: zurich (U0ALICE01)',
      description: 'Swapped with U0BOB0001; handoff Mon 09:00, Europe/Zurich',
    },
  ],
};

const GOLDEN = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Watchkeeper//On-call schedule//EN',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Watchkeeper: zurich',
  'BEGIN:VEVENT',
  'UID:zurich-11@watchkeeper',
  'DTSTAMP:20260325T103000Z',
  'DTSTART:20260323T080000Z',
  'DTEND:20260330T070000Z',
  'SUMMARY:On call: zurich (U0CAROL01)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:zurich-12@watchkeeper',
  'DTSTAMP:20260325T103000Z',
  'DTSTART:20260330T070000Z',
  'DTEND:20260406T070000Z',
  'SUMMARY:On call: zurich (U0ALICE01)',
  'DESCRIPTION:Swapped with U0BOB0001\\; handoff Mon 09:00\\, Europe/Zurich',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

interface ParsedEvent {
  uid: string;
  stamp: string;
  start: string;
  end: string;
  summary: string;
  description?: string;
}

interface ParsedCalendar {
  properties: Map<string, string>;
  events: ParsedEvent[];
}

/** TEXT per RFC 5545 §3.3.11: only \\ \; \, \n \N escapes; no bare ; or , in a single value. */
function unescapeText(value: string): string {
  expect(value, `unescaped separator in ${value}`).not.toMatch(/(^|[^\\])(\\\\)*[;,]/);
  return value.replace(/\\(.)/g, (_all, char: string) => {
    if (char === 'n' || char === 'N') return '\n';
    if (char === '\\' || char === ';' || char === ',') return char;
    throw new Error(`invalid escape \\${char}`);
  });
}

/** A strict reader of what renderCalendar may produce: lines, folding, nesting, required properties. */
function parseBack(text: string): ParsedCalendar {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  const logical: string[] = [];
  for (const line of physical) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    if (line.startsWith(' ')) logical.push(`${logical.pop() ?? ''}${line.slice(1)}`);
    else logical.push(line);
  }
  const stack: string[] = [];
  const properties = new Map<string, string>();
  const events: ParsedEvent[] = [];
  let event: Map<string, string> | null = null;
  for (const line of logical) {
    const match = /^([A-Z][A-Z0-9-]*):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name = '', value = ''] = match;
    expect(
      [...value].some((char) => char < ' ' && char !== '\t'),
      line,
    ).toBe(false);
    if (name === 'BEGIN') {
      expect(stack).toEqual(value === 'VCALENDAR' ? [] : ['VCALENDAR']);
      stack.push(value);
      if (value === 'VEVENT') event = new Map();
    } else if (name === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT' && event) {
        const required = ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'];
        for (const key of required) expect(event.has(key), key).toBe(true);
        for (const key of ['DTSTAMP', 'DTSTART', 'DTEND']) {
          expect(event.get(key)).toMatch(/^\d{8}T\d{6}Z$/);
        }
        const description = event.get('DESCRIPTION');
        events.push({
          uid: unescapeText(event.get('UID') ?? ''),
          stamp: event.get('DTSTAMP') ?? '',
          start: event.get('DTSTART') ?? '',
          end: event.get('DTEND') ?? '',
          summary: unescapeText(event.get('SUMMARY') ?? ''),
          ...(description === undefined ? {} : { description: unescapeText(description) }),
        });
        event = null;
      }
    } else {
      const target = event ?? properties;
      expect(target.has(name), `${name} twice`).toBe(false);
      target.set(name, value);
    }
  }
  expect(stack).toEqual([]);
  expect(properties.get('VERSION')).toBe('2.0');
  for (const key of ['PRODID', 'CALSCALE', 'METHOD', 'X-WR-CALNAME']) {
    expect(properties.has(key), key).toBe(true);
  }
  return { properties, events };
}

function basic(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** iCalendar has one kind of line break: CRLF and CR come back as LF. */
function lf(text: string): string {
  return text.replace(/\r\n|\r/g, '\n');
}

function expectRoundTrip(input: CalendarInput): void {
  const parsed = parseBack(renderCalendar(input));
  expect(unescapeText(parsed.properties.get('X-WR-CALNAME') ?? '')).toBe(input.name);
  expect(parsed.events).toEqual(
    input.shifts.map((shift: CalendarShift) => ({
      uid: shift.uid,
      stamp: basic(input.now),
      start: basic(shift.start),
      end: basic(shift.end),
      summary: lf(shift.summary),
      ...(shift.description === undefined ? {} : { description: lf(shift.description) }),
    })),
  );
}

describe('renderCalendar', () => {
  it('renders a small calendar exactly', () => {
    expect(renderCalendar(SMALL)).toBe(GOLDEN);
  });

  it('renders an empty calendar as a valid VCALENDAR without events', () => {
    expect(parseBack(renderCalendar({ name: 'empty', now: NOW, shifts: [] })).events).toEqual([]);
  });

  it.each([
    ['a small calendar', SMALL],
    [
      'text needing every escape',
      {
        name: 'ops, on call; \\ team',
        now: NOW,
        shifts: [
          {
            uid: 'a;b,c\\d',
            start: new Date('2026-01-05T08:00:00.000Z'),
            end: new Date('2026-01-12T08:00:00.000Z'),
            summary: 'Backslash \\n is not a newline, but this\nis',
            description: 'line one\r\nline two\rline three\n\\;,',
          },
        ],
      },
    ],
    [
      'long and multi-byte text',
      {
        name: 'Bereitschaft Zürich ☎️ '.repeat(8),
        now: NOW,
        shifts: [
          {
            uid: 'x'.repeat(120),
            start: new Date('2026-10-19T07:00:00Z'),
            end: new Date('2026-10-26T08:00:00Z'),
            summary: 'Pikett 🚨 für Zürich — Übergabe um 09:00 '.repeat(5),
            description: 'é'.repeat(100) + '😀'.repeat(50) + 'ab'.repeat(80),
          },
        ],
      },
    ],
  ])('reads back %s through a strict parser', (_name, input) => {
    expectRoundTrip(input);
  });

  it('drops control characters that TEXT may not hold, keeping tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });

  it('refuses an event that ends before it starts, and an invalid date', () => {
    const shift = SMALL.shifts[0] as CalendarShift;
    const backwards = { ...shift, end: shift.start };
    expect(() => renderCalendar({ ...SMALL, shifts: [backwards] })).toThrow(
      'calendar event zurich-11@watchkeeper ends before it starts',
    );
    expect(() => renderCalendar({ ...SMALL, now: new Date(Number.NaN) })).toThrow(
      'an event time is not a valid date',
    );
  });
});

describe('foldLine', () => {
  it.each([
    ['a line of exactly 75 octets stays whole', 'D'.repeat(75), ['D'.repeat(75)]],
    ['76 octets fold once', 'D'.repeat(76), ['D'.repeat(75), ' D']],
    [
      'a long description folds at 75, then 74 plus the space',
      `DESCRIPTION:${'x'.repeat(150)}`,
      [`DESCRIPTION:${'x'.repeat(63)}`, ` ${'x'.repeat(74)}`, ` ${'x'.repeat(13)}`],
    ],
    [
      'a two-octet character that would straddle octet 75 moves to the next line',
      `${'a'.repeat(74)}é`,
      ['a'.repeat(74), ' é'],
    ],
    ['a four-octet character is never split', `${'a'.repeat(72)}😀b`, ['a'.repeat(72), ' 😀b']],
  ])('%s', (_name, line, expected) => {
    expect(foldLine(line).split('\r\n')).toEqual(expected);
  });
});
