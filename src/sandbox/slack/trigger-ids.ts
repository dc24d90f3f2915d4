// Trigger ids the fake hands out with each interaction; views.open accepts each one once, as Slack does.
import { randomBytes } from 'node:crypto';
import { SlackMethodError } from './types.js';

export class TriggerIds {
  private readonly issued = new Map<string, { user: string; used: boolean }>();
  private sequence = 0;

  /** A new trigger id for an interaction by `userId` (slash command, button click, shortcut). */
  issue(userId: string): string {
    this.sequence += 1;
    const id = `${1_000_000_000 + this.sequence}.${Date.now()}.${randomBytes(16).toString('hex')}`;
    this.issued.set(id, { user: userId, used: false });
    return id;
  }

  /** The user the trigger id belongs to; `invalid_trigger_id` or `trigger_exchanged` otherwise. */
  take(triggerId: unknown): string {
    const entry = typeof triggerId === 'string' ? this.issued.get(triggerId) : undefined;
    if (!entry) throw new SlackMethodError('invalid_trigger_id');
    if (entry.used) throw new SlackMethodError('trigger_exchanged');
    entry.used = true;
    return entry.user;
  }

  clear(): void {
    this.issued.clear();
  }
}
