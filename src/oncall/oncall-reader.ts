// Read-side answers about rotations for one request: who is on call now, a schedule, a person's shifts.
import { teamsForRequest, type RequestOrigin } from '../access/channel-scope.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/schema.js';
import { UserFacingError } from '../errors.js';
import { findRotation } from './find-rotation.js';
import { oncallNow, type OncallNow } from './oncall-now.js';
import {
  loadRotationContexts,
  type RotationChangeSource,
  type RotationContext,
} from './rotation-context.js';
import { shiftsOf, upcomingShifts, type PersonalShift, type ScheduledShift } from './upcoming.js';

const day = 24 * 3600 * 1000;

export class OncallReader {
  constructor(
    private readonly deps: { config: AppConfig; changes: RotationChangeSource; clock: Clock },
  ) {}

  /** The rotations this request may see, with their changes loaded around `now`. */
  async contexts(origin: RequestOrigin, horizonDays = 400): Promise<RotationContext[]> {
    const teams = teamsForRequest(this.deps.config, origin);
    const now = this.deps.clock.now();
    return loadRotationContexts(this.deps.changes, teams, {
      from: new Date(now.getTime() - 60 * day),
      to: new Date(now.getTime() + horizonDays * day),
    });
  }

  async now(origin: RequestOrigin): Promise<OncallNow> {
    const contexts = await this.contexts(origin);
    if (contexts.length === 0) {
      throw new UserFacingError(
        'Your team has no rotations in app.yaml yet, so nobody is on call.',
      );
    }
    return oncallNow(contexts, this.deps.clock.now());
  }

  async schedule(
    origin: RequestOrigin,
    rotationName: string | undefined,
    weeks: number,
  ): Promise<{ rotation: RotationContext; shifts: ScheduledShift[] }[]> {
    const contexts = await this.contexts(origin, weeks * 7 + 60);
    const chosen = rotationName ? [findRotation(contexts, rotationName)] : contexts;
    const from = this.deps.clock.now();
    const to = new Date(from.getTime() + weeks * 7 * day);
    return chosen.map((rotation) => ({ rotation, shifts: upcomingShifts(rotation, from, to) }));
  }

  async mine(origin: RequestOrigin, weeks = 12): Promise<PersonalShift[]> {
    const contexts = await this.contexts(origin, weeks * 7 + 60);
    const from = this.deps.clock.now();
    return shiftsOf(origin.userId, contexts, from, new Date(from.getTime() + weeks * 7 * day));
  }
}
