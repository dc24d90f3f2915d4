// Every call the fake answered, in order, with waits that cannot miss a call recorded before they start.
import type { RecordedCall } from './types.js';

export type CallPredicate = (call: RecordedCall) => boolean;

export class CallRecorder {
  private recorded: RecordedCall[] = [];
  private sequence = 0;
  private readonly listeners = new Set<(call: RecordedCall) => void>();

  constructor(private readonly onRecord: (call: RecordedCall) => void) {}

  get calls(): readonly RecordedCall[] {
    return this.recorded;
  }

  record(entry: Omit<RecordedCall, 'seq'>): RecordedCall {
    this.sequence += 1;
    const call: RecordedCall = { seq: this.sequence, ...entry };
    this.recorded.push(call);
    for (const listener of [...this.listeners]) listener(call);
    this.onRecord(call);
    return call;
  }

  clear(): void {
    this.recorded = [];
  }

  /**
   * The first call to `method` matching `predicate` since the last `clear()`: one already recorded
   * resolves at once, otherwise the next one to arrive; rejects after `timeoutMs` listing what came.
   */
  waitFor(method: string, predicate: CallPredicate, timeoutMs: number): Promise<RecordedCall> {
    const matches = (call: RecordedCall) => call.method === method && predicate(call);
    const earlier = this.recorded.find(matches);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const listener = (call: RecordedCall) => {
        if (!matches(call)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`No matching ${method} call within ${timeoutMs} ms; ${this.summary()}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** One line naming each call so far, for failure messages. */
  summary(): string {
    if (this.recorded.length === 0) return 'no calls recorded';
    const lines = this.recorded.map(
      (call) => `${call.method}${call.ok ? '' : ` (${call.error ?? 'error'})`}`,
    );
    return `calls recorded: ${lines.join(', ')}`;
  }
}
