// Acknowledging a handoff and writing its note: only the incoming person acknowledges, only the outgoing
// person writes the note; both are worked out again on the server from the handoff's key.
import type { Clock } from '../clock.js';
import { rotationByName } from '../config/lookup.js';
import type { AppConfig } from '../config/schema.js';
import { UserFacingError } from '../errors.js';
import { dutyAt } from '../oncall/engine/index.js';
import { loadRotationContexts, type RotationChangeSource } from '../oncall/rotation-context.js';
import type { HandoffStore } from './handoff-store.js';

export interface HandoffPeople {
  rotation: string;
  at: Date;
  outgoing: string | null;
  incoming: string;
}

export class Handoffs {
  constructor(
    private readonly deps: {
      config: AppConfig;
      changes: RotationChangeSource;
      store: HandoffStore;
      clock: Clock;
    },
  ) {}

  /** Who hands over to whom at the handoff a post key names (`handoff:<rotation>:<ISO>`). */
  async people(postKey: string): Promise<HandoffPeople> {
    const match = /^handoff:([a-z0-9-]+):(\d{4}-\d\d-\d\dT[\d:.]+Z)$/.exec(postKey);
    const owner = match?.[1] ? rotationByName(this.deps.config, match[1]) : undefined;
    const at = match?.[2] ? new Date(match[2]) : null;
    if (!owner || !at || Number.isNaN(at.getTime()))
      throw new UserFacingError('That handoff is not one I know any more.');
    const [context] = await loadRotationContexts(
      this.deps.changes,
      [{ ...owner.team, rotations: [owner.rotation] }],
      {
        from: new Date(at.getTime() - 40 * 86_400_000),
        to: new Date(at.getTime() + 40 * 86_400_000),
      },
    );
    if (!context) throw new UserFacingError('That handoff is not one I know any more.');
    const incoming = dutyAt(context.spec, context.changes, at).shift?.member;
    if (!incoming) throw new UserFacingError('That handoff is not one I know any more.');
    const outgoing =
      dutyAt(context.spec, context.changes, new Date(at.getTime() - 1)).shift?.member ?? null;
    return { rotation: owner.rotation.name, at, outgoing, incoming };
  }

  async acknowledge(postKey: string, actor: string): Promise<{ by: string; at: Date }> {
    const people = await this.people(postKey);
    if (actor !== people.incoming) {
      throw new UserFacingError(
        `Only <@${people.incoming}>, who takes over ${people.rotation}, can acknowledge this handoff.`,
      );
    }
    return this.deps.store.acknowledge(postKey, actor, this.deps.clock.now());
  }

  async mayWriteNote(postKey: string, actor: string): Promise<HandoffPeople> {
    const people = await this.people(postKey);
    if (actor !== people.outgoing) {
      throw new UserFacingError(
        `Only <@${people.outgoing ?? 'nobody'}>, whose ${people.rotation} shift ends, writes this handoff note.`,
      );
    }
    if (this.deps.clock.now() >= people.at)
      throw new UserFacingError(
        'The handoff has already been posted; add anything else with /log.',
      );
    return people;
  }

  async saveNote(postKey: string, actor: string, note: string): Promise<void> {
    await this.mayWriteNote(postKey, actor);
    await this.deps.store.saveNote(postKey, actor, note, this.deps.clock.now());
  }
}
