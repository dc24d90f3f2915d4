// Timestamps of Kubernetes objects as milliseconds, whether the client deserialized them to Dates or left them as text.

/** Milliseconds since the epoch, or undefined for a missing or unreadable timestamp (MicroTime stays a string in client-node). */
export function instant(value: Date | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
