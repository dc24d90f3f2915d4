// The sandbox's clock: real time plus an offset that only grows, so the console can travel forward.
import type { Clock } from '../clock.js';

export class SandboxClock implements Clock {
  private offset = 0;

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    return new Date(this.realNow() + this.offset);
  }

  /** How far ahead of real time the sandbox runs, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Moves the clock forward; a negative or non-finite amount is refused. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot move the clock by ${ms} ms`);
    this.offset += ms;
  }

  /** Moves the clock forward to `instant`; an instant already past leaves it where it is. */
  advanceTo(instant: Date): void {
    this.advance(Math.max(0, instant.getTime() - this.now().getTime()));
  }
}
