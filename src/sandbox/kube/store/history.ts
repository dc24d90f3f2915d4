// The retained watch events of one resource type: a bounded window, as kube-apiserver's watch cache keeps.
import type { StoreEvent } from '../types.js';

export type HistoryRead =
  { kind: 'events'; events: StoreEvent[] } | { kind: 'expired'; oldest: number };

export class EventHistory {
  private events: StoreEvent[] = [];
  /** Resource version of the newest event no longer retained (0: nothing dropped yet). */
  private droppedThrough = 0;

  constructor(private readonly capacity: number) {}

  record(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity * 2) this.trim();
  }

  /** Events after `resourceVersion`, or `expired` when some of them are no longer retained. */
  since(resourceVersion: number): HistoryRead {
    this.trim();
    if (resourceVersion < this.droppedThrough)
      return { kind: 'expired', oldest: this.droppedThrough };
    const first = this.firstAfter(resourceVersion);
    return { kind: 'events', events: this.events.slice(first) };
  }

  /** Forgets every retained event, like an etcd compaction at `resourceVersion`. */
  compact(resourceVersion: number): void {
    this.events = [];
    this.droppedThrough = Math.max(this.droppedThrough, resourceVersion);
  }

  private trim(): void {
    const excess = this.events.length - this.capacity;
    if (excess <= 0) return;
    const dropped = this.events.splice(0, excess);
    this.droppedThrough = dropped[dropped.length - 1]?.resourceVersion ?? this.droppedThrough;
  }

  private firstAfter(resourceVersion: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.events[mid]?.resourceVersion ?? 0) > resourceVersion) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
