// Slack's mrkdwn as DOM nodes: *bold*, _italic_, ~strike~, `code`, ```blocks```, > quotes, links,
// <@U…>/<#C…>/<!subteam^…> mentions shown as names, <!date^…> in the viewer's zone, and emoji.
import { formatDateToken, fullInstant } from './dates.js';
import { el } from './dom.js';

/** Emoji the app uses, drawn with CSS or a symbol every font has (headless browsers lack emoji fonts). */
const EMOJI = {
  large_green_circle: ['dot dot-green', ''],
  red_circle: ['dot dot-red', ''],
  large_yellow_circle: ['dot dot-yellow', ''],
  white_square: ['square', ''],
  warning: ['symbol sym-warning', '⚠'],
  white_check_mark: ['symbol sym-ok', '✔'],
  ballot_box_with_check: ['symbol', '☑'],
  raising_hand: ['symbol', '☝'],
  no_entry_sign: ['symbol sym-bad', '⊘'],
  information_source: ['symbol sym-info', 'ℹ'],
  hourglass: ['symbol', '◔'],
  x: ['symbol sym-bad', '✖'],
};

const SHORTCODE = /:([a-z0-9_+-]+):/g;

/** Undoes Slack's escaping of &, < and > (the text ends up in text nodes, so nothing is interpreted). */
export function decode(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Text with :shortcodes: the console knows drawn as emoji; others stay as typed. */
export function emoji(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(SHORTCODE)) {
    const known = EMOJI[match[1]];
    if (!known) continue;
    nodes.push(text.slice(last, match.index));
    nodes.push(el('span', { class: `emoji ${known[0]}`, title: match[0] }, known[1]));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((node) => node !== '');
}

/** Text with :shortcodes: as symbols only, for places that take no markup (select options). */
export function emojiText(text) {
  return (text ?? '').replace(SHORTCODE, (whole, name) => EMOJI[name]?.[1] || whole);
}

/** plain_text objects: the text as it is, with emoji. */
export function plain(text) {
  return emoji(text ?? '');
}

function mention(text, title) {
  return el('span', { class: 'mention', title }, text);
}

function dateToken(target, fallback, ctx) {
  const [, seconds, format = '', link] = target.split('^');
  const instant = new Date(Number(seconds) * 1000);
  if (Number.isNaN(instant.getTime())) return decode(fallback ?? target);
  const shown = formatDateToken(instant, format, ctx);
  const time = el(
    'time',
    { datetime: instant.toISOString(), title: fullInstant(instant, ctx.timeZone) },
    shown,
  );
  return link && /^https?:/.test(link)
    ? el('a', { href: link, target: '_blank', rel: 'noopener' }, time)
    : time;
}

/** One `<…>` token; anything Slack would not treat as a token is shown as typed. */
function token(inner, ctx) {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decode(inner.slice(bar + 1));
  const { users, channels, userGroups } = ctx.directory;
  if (/^@[UW][A-Z0-9]+$/.test(target)) {
    const user = users[target.slice(1)];
    return mention(`@${user?.name ?? label ?? target.slice(1)}`, user?.realName);
  }
  if (/^#C[A-Z0-9]+$/.test(target))
    return mention(`#${channels[target.slice(1)] ?? label ?? target.slice(1)}`);
  if (target.startsWith('!date^')) return dateToken(target, label, ctx);
  if (target.startsWith('!subteam^')) {
    const id = target.slice('!subteam^'.length);
    return mention(`@${userGroups[id] ?? label?.replace(/^@/, '') ?? id}`);
  }
  if (/^!(here|channel|everyone)$/.test(target)) return mention(`@${target.slice(1)}`);
  if (/^(https?:\/\/|mailto:)/.test(target)) {
    const href = decode(target);
    return el('a', { href, target: '_blank', rel: 'noopener' }, label ?? href);
  }
  return `<${decode(inner)}>`;
}

const HOLD_START = '\uE000';
const HOLD_END = '\uE001';
const HELD = /\uE000(\d+)\uE001/;
const EMPHASIS = /(^|[^\p{L}\p{N}*_~])([*_~])(\S(?:[^\n]*?\S)?)\2(?![\p{L}\p{N}*_~])/u;
const TAGS = { '*': 'strong', _: 'em', '~': 'del' };

/** Text with held nodes (code, tokens) put back in place of their markers. */
function expand(text, held) {
  const nodes = [];
  let rest = text;
  for (let match = HELD.exec(rest); match; match = HELD.exec(rest)) {
    if (match.index > 0) nodes.push(...emoji(decode(rest.slice(0, match.index))));
    nodes.push(held[Number(match[1])]);
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest !== '') nodes.push(...emoji(decode(rest)));
  return nodes;
}

function emphasis(text, held) {
  const match = EMPHASIS.exec(text);
  if (!match) return expand(text, held);
  const start = match.index + match[1].length;
  return [
    ...expand(text.slice(0, start), held),
    el(TAGS[match[2]], {}, emphasis(match[3], held)),
    ...emphasis(text.slice(match.index + match[0].length), held),
  ];
}

/** One line of mrkdwn as inline nodes. */
function inline(line, ctx) {
  const held = [];
  const hold = (node) => `${HOLD_START}${held.push(node) - 1}${HOLD_END}`;
  const marked = line
    .replace(/`([^`\n]+)`/g, (_, code) => hold(el('code', {}, decode(code))))
    .replace(/<([^<>\n]+)>/g, (_, inner) => hold(token(inner, ctx)));
  return emphasis(marked, held);
}

function paragraph(text, ctx) {
  const nodes = [];
  let quote = [];
  const flush = () => {
    if (quote.length > 0) nodes.push(el('blockquote', {}, quote));
    quote = [];
  };
  text.split('\n').forEach((line, index, lines) => {
    const quoted = /^(&gt;|>) ?/.exec(line);
    if (quoted) {
      if (quote.length > 0) quote.push('\n');
      quote.push(inline(line.slice(quoted[0].length), ctx));
      return;
    }
    flush();
    nodes.push(inline(line, ctx));
    if (index < lines.length - 1) nodes.push('\n');
  });
  flush();
  return nodes;
}

/**
 * Renders mrkdwn for a reader: `ctx` is `{ directory, timeZone, now }` (the workspace's names, the
 * reader's zone and the sandbox's clock).
 */
export function mrkdwn(text, ctx) {
  return el(
    'div',
    { class: 'mrkdwn' },
    (text ?? '')
      .split('```')
      .map((part, index) =>
        index % 2 === 1 ? el('pre', {}, decode(part.replace(/^\n/, ''))) : paragraph(part, ctx),
      ),
  );
}
