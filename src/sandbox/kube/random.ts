// Seeded randomness for names, uids and addresses, so a scenario produces the same cluster every run.

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    this.state = fnv1a32(seed) || 1;
  }

  /** Next value in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  /** A generated-name suffix such as `x7k2p`. */
  suffix(length = 5): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += SAFE_ALPHABET[this.int(SAFE_ALPHABET.length)];
    return text;
  }

  hex(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += this.int(16).toString(16);
    return text;
  }

  /** A version-4 shaped UUID. */
  uid(): string {
    const hex = this.hex(32);
    const variant = ((this.int(4) + 8) as number).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** 32-bit FNV-1a, the hash the controllers use for pod-template-hash and revision names. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Encodes a number with the safe alphabet, as `rand.SafeEncodeString(fmt.Sprint(hash))` does. */
export function safeEncode(value: number): string {
  const digits = String(value);
  let text = '';
  for (let i = 0; i < digits.length; i += 1) {
    text += SAFE_ALPHABET[digits.charCodeAt(i) % SAFE_ALPHABET.length];
  }
  return text;
}

let lastFormatted = { ms: Number.NaN, text: '' };

/** A metav1.Time as the API serializes it: RFC 3339, whole seconds, UTC. */
export function formatTime(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastFormatted.ms) lastFormatted = { ms, text: `${date.toISOString().slice(0, 19)}Z` };
  return lastFormatted.text;
}
