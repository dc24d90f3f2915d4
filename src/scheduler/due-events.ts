// Which scheduled posts fall in a range (pure): daily status per team, and per rotation its
// handoffs, reminders, note requests and override notes. No I/O; instants are passed in.
import type { AppConfig } from '../config/schema.js';
import type { RotationContext } from '../oncall/rotation-context.js';
import { dailyStatusEvents } from './due/daily-status.js';
import { rotationEvents } from './due/rotation-events.js';
import type { DueEvent } from './due/types.js';

export type * from './due/types.js';
export { eventKey } from './due/types.js';
export { DEFAULT_REMINDER_MS, NOTE_REQUEST_LEAD_MS } from './due/rotation-events.js';

export interface DuePlan {
  /** Ordered by scheduled instant, then key. */
  events: DueEvent[];
  /** Rotations the engine could not answer for; the others' events are still planned. */
  failures: Array<{ rotation: string; error: unknown }>;
}

function byInstantThenKey(a: DueEvent, b: DueEvent): number {
  const delta = a.scheduledAt.getTime() - b.scheduledAt.getTime();
  return delta !== 0 ? delta : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Every post scheduled in [from, to); a rotation that fails is reported, not fatal. */
export function planDueEvents(
  config: Pick<AppConfig, 'teams'>,
  contexts: readonly RotationContext[],
  from: Date,
  to: Date,
): DuePlan {
  const events: DueEvent[] = config.teams.flatMap((team) => dailyStatusEvents(team, from, to));
  const failures: DuePlan['failures'] = [];
  for (const context of contexts) {
    try {
      events.push(...rotationEvents(context, from, to));
    } catch (error) {
      failures.push({ rotation: context.rotation.name, error });
    }
  }
  return { events: events.sort(byInstantThenKey), failures };
}

/** Every post scheduled in [from, to), ordered by instant; throws if a rotation cannot be planned. */
export function dueEvents(
  config: Pick<AppConfig, 'teams'>,
  contexts: readonly RotationContext[],
  from: Date,
  to: Date,
): DueEvent[] {
  const plan = planDueEvents(config, contexts, from, to);
  const failure = plan.failures[0];
  if (failure) throw failure.error;
  return plan.events;
}
