// Splits slash-command text into words, keeping quoted text and Slack's <…> escapes whole, and
// reads user mentions out of Slack's escapes.

const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“' };
const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^<>]*)?>$/;

/**
 * Words separated by white space. Text in double quotes ("…", “…”) is one word without its quotes;
 * a Slack escape like `<@U123ABC|bob smith>` is one word even with spaces inside. Slack's entity
 * escapes (&amp; &lt; &gt;) are left as they are, so typed text can never pose as a mention.
 */
export function splitArguments(text: string): string[] {
  const words: string[] = [];
  const wordAt = /\S+/y;
  let position = 0;
  while (position < text.length) {
    const char = text[position] ?? '';
    if (/\s/.test(char)) {
      position++;
      continue;
    }
    const closing = OPENING_QUOTES[char];
    if (closing !== undefined) {
      const end = text.indexOf(closing, position + 1);
      const stop = end === -1 ? text.length : end;
      words.push(text.slice(position + 1, stop));
      position = stop + 1;
      continue;
    }
    if (char === '<') {
      const end = text.indexOf('>', position);
      if (end !== -1) {
        words.push(text.slice(position, end + 1));
        position = end + 1;
        continue;
      }
    }
    wordAt.lastIndex = position;
    const word = wordAt.exec(text)?.[0] ?? char;
    words.push(word);
    position += word.length;
  }
  return words;
}

/** The Slack user id in `<@U123ABC|bob>` or `<@U123ABC>`; null for anything else (a plain "@bob" too). */
export function parseUserMention(token: string): string | null {
  return MENTION.exec(token.trim())?.[1] ?? null;
}
