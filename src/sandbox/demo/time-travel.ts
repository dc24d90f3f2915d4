// Moves the sandbox clock forward the way time passes: it stops at every scheduled post on the way
// (daily status, handoffs, reminders, note requests) and lets the clusters and the app's jobs run
// there, so a jump of days delivers each post at its time instead of skipping it as missed.
import type { AppConfig } from '../../config/schema.js';
import { appYamlOnly, loadRotationContexts } from '../../oncall/rotation-context.js';
import { planDueEvents } from '../../scheduler/due-events.js';
import type { SandboxClock } from '../sandbox-clock.js';

export interface Traveller {
  config: AppConfig;
  clock: SandboxClock;
  /** Lets the simulated clusters react to the clock. */
  tickClusters(): void;
  /** Runs the app's periodic jobs at the clock's time. */
  tickApp(): Promise<void>;
}

/** The instants of scheduled posts in (from, to], earliest first. */
async function stopsBetween(config: AppConfig, from: Date, to: Date): Promise<Date[]> {
  const after = new Date(from.getTime() + 1);
  const until = new Date(to.getTime() + 1);
  const contexts = await loadRotationContexts(appYamlOnly, config.teams, {
    from: after,
    to: until,
  });
  const instants = planDueEvents(config, contexts, after, until).events.map((event) =>
    event.scheduledAt.getTime(),
  );
  return [...new Set(instants)].sort((a, b) => a - b).map((instant) => new Date(instant));
}

/** Moves the clock to `target` (never back), ticking at each scheduled post on the way and at the end. */
export async function travelTo(traveller: Traveller, target: Date): Promise<void> {
  const { config, clock } = traveller;
  const stops = await stopsBetween(config, clock.now(), target);
  for (const stop of [...stops, target]) {
    clock.advanceTo(stop);
    traveller.tickClusters();
    await traveller.tickApp();
  }
}
