// iCalendar feeds behind secret links: a person's own shifts, or a whole rotation's, for Google or Outlook.
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/schema.js';
import { UserFacingError } from '../errors.js';
import { renderCalendar, type CalendarShift } from './icalendar.js';
import { loadRotationContexts, type RotationChangeSource } from './rotation-context.js';
import type { OncallStore } from './store/index.js';
import { shiftsOf, upcomingShifts } from './upcoming.js';

const day = 24 * 3600 * 1000;

export type DisplayName = (userId: string) => Promise<string>;

export class CalendarFeeds {
  constructor(
    private readonly deps: {
      config: AppConfig;
      store: OncallStore;
      changes: RotationChangeSource;
      clock: Clock;
      displayName: DisplayName;
      publicUrl: string;
    },
  ) {}

  /** A new secret link for the user (all their shifts, or one rotation); the previous one stops working. */
  async issue(userId: string, rotation?: string): Promise<string> {
    if (
      rotation &&
      !this.deps.config.teams.some((t) => t.rotations.some((r) => r.name === rotation))
    ) {
      throw new UserFacingError(`There is no rotation called "${rotation.slice(0, 40)}".`);
    }
    const token = await this.deps.store.issueCalendarToken({
      userId,
      rotation,
      now: this.deps.clock.now(),
    });
    return `${this.deps.publicUrl.replace(/\/$/, '')}/calendar/${token}.ics`;
  }

  /** The feed behind a link, or null when the link is unknown or revoked. */
  async render(token: string): Promise<string | null> {
    const owner = await this.deps.store.resolveCalendarToken(token);
    if (!owner) return null;
    const now = this.deps.clock.now();
    const from = new Date(now.getTime() - 28 * day);
    const to = new Date(now.getTime() + 182 * day);
    const teams = this.deps.config.teams.filter((t) =>
      t.rotations.some((r) =>
        owner.rotation ? r.name === owner.rotation : r.members.includes(owner.userId),
      ),
    );
    const contexts = (await loadRotationContexts(this.deps.changes, teams, { from, to })).filter(
      (c) => !owner.rotation || c.rotation.name === owner.rotation,
    );
    const shifts: CalendarShift[] = owner.rotation
      ? await this.rotationShifts(contexts.flatMap((c) => upcomingShifts(c, from, to)))
      : shiftsOf(owner.userId, contexts, from, to).map((s) => ({
          uid: `${s.rotation}-${s.kind}-${s.start.getTime()}@watchkeeper`,
          start: s.start,
          end: s.end,
          summary: `On call: ${s.rotation}${s.kind === 'override' ? ' (covering)' : ''}`,
        }));
    const name = owner.rotation ? `On call: ${owner.rotation}` : 'My on-call shifts';
    return renderCalendar({ name, shifts, now });
  }

  private async rotationShifts(
    shifts: ReturnType<typeof upcomingShifts>,
  ): Promise<CalendarShift[]> {
    return Promise.all(
      shifts.map(async (s) => ({
        uid: `${s.rotation}-${s.start.getTime()}@watchkeeper`,
        start: s.start,
        end: s.end,
        summary: `${s.rotation}: ${await this.deps.displayName(s.member)}`,
      })),
    );
  }
}
