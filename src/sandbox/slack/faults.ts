// Faults queued with failNext: each is served to the next call(s) of one method, or of any ('*').
import type { Fault } from './types.js';

export class FaultQueue {
  private queued: Array<{ method: string; fault: Fault; remaining: number }> = [];

  add(method: string, fault: Fault, count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext count must be 1 or more');
    this.queued.push({ method, fault, remaining: count });
  }

  /** The fault for this call, if one is queued for its method, counting it as used. */
  take(method: string): Fault | undefined {
    const entry = this.queued.find((item) => item.method === method || item.method === '*');
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queued = this.queued.filter((item) => item !== entry);
    return entry.fault;
  }

  clear(): void {
    this.queued = [];
  }
}
