// Text from users and clusters made safe to show in Slack: control characters escaped, length capped.

/** Escapes Slack's control characters so text can never become a mention, a link or a date token. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** User-typed text as it may be echoed back: escaped, without backticks, at most `max` characters. */
export function echo(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return escapeText(short.replace(/`/g, "'"));
}

/** The same, in backticks: "`shop-internal`". */
export function quoted(text: string, max = 40): string {
  return `\`${echo(text, max)}\``;
}
