// Cover requests: "who can take my shift?" — asked for your own shift, taken by the first click.
import type { RequestOrigin } from '../access/channel-scope.js';
import type { Clock } from '../clock.js';
import { rotationByName } from '../config/lookup.js';
import type { AppConfig } from '../config/schema.js';
import { UserFacingError } from '../errors.js';
import { dutyAt } from './engine/index.js';
import type { OncallReader } from './oncall-reader.js';
import { isTeamPerson } from './permissions.js';
import type { RotationContext } from './rotation-context.js';
import type { CoverRequest, OncallStore, TakeCoverResult } from './store/index.js';

export interface NewCover {
  context: RotationContext;
  start: Date;
  end: Date;
  note?: string;
}

export class CoverRequests {
  constructor(
    private readonly deps: {
      config: AppConfig;
      reader: OncallReader;
      store: OncallStore;
      clock: Clock;
    },
  ) {}

  /** The rotation a cover request is for: the one named, or the requester's only one. */
  chooseRotation(
    contexts: RotationContext[],
    userId: string,
    named?: RotationContext,
  ): RotationContext {
    if (named) return named;
    const mine = contexts.filter((c) => c.rotation.members.includes(userId));
    if (mine.length === 1 && mine[0]) return mine[0];
    if (mine.length === 0) {
      throw new UserFacingError(
        'You are not a member of any rotation here, so there is no shift of yours to cover.',
      );
    }
    throw new UserFacingError(
      `You are in several rotations (${mine.map((c) => c.rotation.name).join(', ')}); name one first, e.g. \`/oncall cover ${mine[0]?.rotation.name} tomorrow 09:00 tomorrow 18:00\`.`,
    );
  }

  async ask(origin: RequestOrigin, cover: NewCover): Promise<CoverRequest> {
    const now = this.deps.clock.now();
    const { context } = cover;
    if (cover.end <= now)
      throw new UserFacingError(
        'That time range is already over; ask for cover of a time still to come.',
      );
    const start = cover.start < now ? now : cover.start;
    const holder = dutyAt(context.spec, context.changes, start).shift?.member;
    if (holder !== origin.userId) {
      throw new UserFacingError(
        `That time is ${holder ? `<@${holder}>'s` : "nobody's"} shift in ${context.rotation.name}, not yours; you can only ask for cover of your own shift.`,
      );
    }
    return this.deps.store.createCoverRequest({
      rotation: context.rotation.name,
      requester: origin.userId,
      start,
      end: cover.end,
      note: cover.note,
      now,
    });
  }

  async take(actor: string, requestId: string): Promise<TakeCoverResult> {
    const request = await this.deps.store.getCoverRequest(requestId);
    if (!request) throw new UserFacingError('That cover request no longer exists.');
    if (request.requester === actor) {
      throw new UserFacingError(
        `This is your own request; someone else has to take it (or cancel it with \`/oncall cancel c${request.id}\`).`,
      );
    }
    const owner = rotationByName(this.deps.config, request.rotation);
    if (!owner || !isTeamPerson(owner.team, actor)) {
      throw new UserFacingError(
        `Only people in the rotations of team ${owner?.team.name ?? 'that owns this rotation'} can take this shift.`,
      );
    }
    return this.deps.store.takeCoverRequest(requestId, actor, this.deps.clock.now());
  }

  async attachMessage(requestId: string, channel: string, ts: string): Promise<void> {
    await this.deps.store.attachCoverMessage(requestId, channel, ts);
  }

  async cancel(actor: string, requestId: string): Promise<CoverRequest> {
    const request = await this.deps.store.getCoverRequest(requestId);
    if (!request) throw new UserFacingError(`There is no cover request c${requestId}.`);
    if (request.requester !== actor)
      throw new UserFacingError(
        `Only <@${request.requester}> can cancel cover request c${requestId}.`,
      );
    const cancelled = await this.deps.store.cancelCoverRequest(
      requestId,
      actor,
      this.deps.clock.now(),
    );
    if (!cancelled)
      throw new UserFacingError(`Cover request c${requestId} is already ${request.status}.`);
    return cancelled;
  }
}
