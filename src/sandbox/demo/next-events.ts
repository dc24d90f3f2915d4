// When the next scheduled moments of app.yaml happen, for the console's time-travel buttons: the next
// handoff of any rotation, and the next daily status post of any team.
import type { AppConfig } from '../../config/schema.js';
import { handoffsBetween } from '../../oncall/engine/index.js';
import { rotationSpec } from '../../oncall/rotation-spec.js';
import { dailyStatusEvents } from '../../scheduler/due/daily-status.js';

export interface NextEvent {
  /** The rotation or team it belongs to. */
  name: string;
  at: Date;
}

const LOOK_AHEAD_MS = 120 * 24 * 3_600_000;

function earliest(events: NextEvent[]): NextEvent | undefined {
  return events.reduce<NextEvent | undefined>(
    (best, event) => (best && best.at <= event.at ? best : event),
    undefined,
  );
}

/** The first handoff strictly after `now` across every rotation. */
export function nextHandoff(config: AppConfig, now: Date): NextEvent | undefined {
  const after = new Date(now.getTime() + 1);
  const to = new Date(now.getTime() + LOOK_AHEAD_MS);
  const events = config.teams.flatMap((team) =>
    team.rotations.flatMap((rotation) => {
      const first = handoffsBetween(rotationSpec(rotation), after, to)[0];
      return first ? [{ name: rotation.name, at: first }] : [];
    }),
  );
  return earliest(events);
}

/** The first daily status post strictly after `now` across every team. */
export function nextDailyPost(config: AppConfig, now: Date): NextEvent | undefined {
  const after = new Date(now.getTime() + 1);
  const to = new Date(now.getTime() + LOOK_AHEAD_MS);
  const events = config.teams.flatMap((team) => {
    const first = dailyStatusEvents(team, after, to)[0];
    return first ? [{ name: team.name, at: first.scheduledAt }] : [];
  });
  return earliest(events);
}
