// Changes people make to rotations from Slack: overrides, cancellations and swaps, each checked for
// permission and sense before it is stored.
import type { RequestOrigin } from '../access/channel-scope.js';
import type { Clock } from '../clock.js';
import { UserFacingError } from '../errors.js';
import { dutyAt, shiftAt } from './engine/index.js';
import { findRotation } from './find-rotation.js';
import type { OncallReader } from './oncall-reader.js';
import { assertMayAssign, assertMayChange } from './permissions.js';
import type { RotationContext } from './rotation-context.js';
import type { OncallStore, StoredOverride, StoredSwap } from './store/index.js';
import { parseTimeInput } from './time-input.js';

export interface OverrideRequest {
  rotation: string;
  member: string;
  start: Date;
  end: Date;
  reason?: string;
}

export interface SwapRequest {
  rotation: string;
  memberA: string;
  dateA: string;
  memberB: string;
  dateB: string;
}

export type Cancelled =
  { kind: 'override'; override: StoredOverride } | { kind: 'swap'; swap: StoredSwap };

export class OncallChanges {
  constructor(private readonly deps: { reader: OncallReader; store: OncallStore; clock: Clock }) {}

  async override(
    origin: RequestOrigin,
    request: OverrideRequest,
  ): Promise<{ override: StoredOverride; coveringFor: string | null }> {
    const context = findRotation(await this.deps.reader.contexts(origin), request.rotation);
    assertMayAssign(context.team, origin.userId, request.member);
    const now = this.deps.clock.now();
    if (request.end <= now) {
      throw new UserFacingError(
        'That time range is already over; an override must end in the future.',
      );
    }
    const start = request.start < now ? now : request.start;
    const coveringFor = dutyAt(context.spec, context.changes, start).member;
    const override = await this.deps.store.addOverride({
      rotation: context.rotation.name,
      member: request.member,
      start,
      end: request.end,
      reason: request.reason,
      createdBy: origin.userId,
      now,
    });
    return { override, coveringFor: coveringFor === request.member ? null : coveringFor };
  }

  async cancel(origin: RequestOrigin, idText: string): Promise<Cancelled> {
    const match = /^([os])(\d{1,12})$/i.exec(idText.trim());
    if (!match) {
      throw new UserFacingError(
        `"${idText.trim().slice(0, 30)}" is not an id I know. Ids look like \`o12\` (override), \`s4\` (swap) or \`c7\` (cover request); \`/oncall schedule\` shows them.`,
      );
    }
    const [, kind = '', id = ''] = match;
    const contexts = await this.deps.reader.contexts(origin);
    const now = this.deps.clock.now();
    return kind.toLowerCase() === 'o'
      ? this.cancelOverride(origin, contexts, id, now)
      : this.cancelSwap(origin, contexts, id, now);
  }

  async proposeSwap(
    origin: RequestOrigin,
    request: SwapRequest,
  ): Promise<{ swap: StoredSwap; counterpart: string; context: RotationContext }> {
    const context = findRotation(await this.deps.reader.contexts(origin), request.rotation);
    const now = this.deps.clock.now();
    assertMayChange(
      context.team,
      origin.userId,
      [request.memberA, request.memberB],
      'swap these shifts',
    );
    const shiftA = this.shiftOf(context, request.memberA, request.dateA, now);
    const shiftB = this.shiftOf(context, request.memberB, request.dateB, now);
    if (shiftA.getTime() === shiftB.getTime()) {
      throw new UserFacingError(
        "Both dates fall in the same shift; name one date in each person's shift.",
      );
    }
    const swap = await this.deps.store.proposeSwap({
      rotation: context.rotation.name,
      shiftA,
      memberA: request.memberA,
      shiftB,
      memberB: request.memberB,
      requestedBy: origin.userId,
      now,
    });
    return { swap, counterpart: counterpartOf(swap), context };
  }

  /** The other person's answer to a swap; only they may give it, and only once. */
  async decideSwap(
    actor: string,
    swapId: string,
    decision: 'confirmed' | 'declined',
  ): Promise<StoredSwap> {
    const swap = await this.deps.store.getSwap(swapId);
    if (!swap) throw new UserFacingError('That swap no longer exists.');
    const counterpart = counterpartOf(swap);
    if (actor !== counterpart) {
      throw new UserFacingError(`Only <@${counterpart}> can answer this swap request.`);
    }
    const decided = await this.deps.store.decideSwap(
      swapId,
      decision,
      actor,
      this.deps.clock.now(),
    );
    if (!decided) {
      const current = await this.deps.store.getSwap(swapId);
      throw new UserFacingError(
        `This swap was already ${current?.status ?? 'closed'}; nothing changed.`,
      );
    }
    return decided;
  }

  private shiftOf(context: RotationContext, member: string, dateText: string, now: Date): Date {
    const at = parseTimeInput(dateText, {
      timezone: context.rotation.timezone,
      now,
      defaultTime: context.rotation.handoff.time,
    });
    const shift = shiftAt(context.spec, at);
    if (!shift)
      throw new UserFacingError(
        `The rotation ${context.rotation.name} has not started by ${dateText}.`,
      );
    if (shift.end <= now)
      throw new UserFacingError(
        `The shift on ${dateText} is already over; only coming shifts can be swapped.`,
      );
    const holder = dutyAt(
      context.spec,
      { overrides: [], swaps: context.changes.swaps },
      shift.start,
    ).shift?.member;
    if (holder !== member) {
      throw new UserFacingError(
        `The ${context.rotation.name} shift on ${dateText} belongs to ${holder ? `<@${holder}>` : 'nobody'}, not <@${member}>. \`/oncall schedule ${context.rotation.name}\` shows who has which shift.`,
      );
    }
    return shift.start;
  }

  private async cancelOverride(
    origin: RequestOrigin,
    contexts: RotationContext[],
    id: string,
    now: Date,
  ): Promise<Cancelled> {
    const existing = await this.deps.store.getOverride(id);
    const context = existing && contexts.find((c) => c.rotation.name === existing.rotation);
    if (!existing || !context)
      throw new UserFacingError(`There is no override o${id} in your team's rotations.`);
    assertMayChange(
      context.team,
      origin.userId,
      [existing.member, existing.createdBy],
      `cancel override o${id}`,
    );
    const cancelled = await this.deps.store.cancelOverride(id, origin.userId, now);
    if (!cancelled) throw new UserFacingError(`Override o${id} was already cancelled.`);
    return { kind: 'override', override: cancelled };
  }

  private async cancelSwap(
    origin: RequestOrigin,
    contexts: RotationContext[],
    id: string,
    now: Date,
  ): Promise<Cancelled> {
    const existing = await this.deps.store.getSwap(id);
    const context = existing && contexts.find((c) => c.rotation.name === existing.rotation);
    if (!existing || !context)
      throw new UserFacingError(`There is no swap s${id} in your team's rotations.`);
    assertMayChange(
      context.team,
      origin.userId,
      [existing.memberA, existing.memberB, existing.requestedBy],
      `cancel swap s${id}`,
    );
    const cancelled = await this.deps.store.cancelSwap(id, origin.userId, now);
    if (!cancelled) throw new UserFacingError(`Swap s${id} was already ${existing.status}.`);
    return { kind: 'swap', swap: cancelled };
  }
}

/** Who must confirm a swap: the member who did not ask for it (member B when a manager asked). */
export function counterpartOf(
  swap: Pick<StoredSwap, 'requestedBy' | 'memberA' | 'memberB'>,
): string {
  return swap.requestedBy === swap.memberB ? swap.memberA : swap.memberB;
}
