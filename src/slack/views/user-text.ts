// Text people typed, shown back in Slack: user and channel mentions stay, broadcasts (@channel, @here)
// and special tokens do not fire again.
export function quoteUserText(text: string): string {
  return text.replace(/<!([^>]*)>/g, '&lt;!$1&gt;');
}
