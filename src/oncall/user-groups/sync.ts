// Pushes desired user-group members to Slack (load the record, decide, write): only groups whose
// members changed, never an empty group, and each refusal told once in the group's channel.
import type { Logger } from '../../log.js';
import { slackFailure } from '../../slack/people/slack-error.js';
import type { UserGroupsApi } from '../../slack/people/slack-user-groups.js';
import type { DesiredUserGroup } from './desired.js';
import { refusalMessage } from './refusal-message.js';
import { sameMembers, type UserGroupRecord, type UserGroupSyncState } from './state.js';

export interface UserGroupSyncOptions {
  slack: UserGroupsApi;
  state: UserGroupSyncState;
  /** Posts a plain message in a channel (the outbox, in the app). */
  notify: (channel: string, text: string) => Promise<void>;
  logger: Logger;
  /** How long a refused push waits before it is tried again with the same members (default 10 min). */
  retryRefusedAfterMs?: number;
}

export type SyncOutcome =
  /** Nobody on duty: the group keeps its last members (Slack forbids empty groups). */
  | 'left-as-is'
  /** Slack already holds these members (as far as the bot set them). */
  | 'unchanged'
  | 'updated'
  /** Refused before with the same members, too recently to try again. */
  | 'waiting'
  /** Slack refused; the channel was told (first time) or already knew. */
  | 'refused'
  /** An outage, rate limit or state error: logged, tried again at the next sync. */
  | 'failed';

export interface SyncResult {
  groupId: string;
  outcome: SyncOutcome;
  error?: string;
}

type Decision = 'leave' | 'unchanged' | 'forget-refusal' | 'wait' | 'push';

/** The pure decision for one group, from its desired members and what the bot remembers. */
export function decideSync(
  desired: DesiredUserGroup,
  record: UserGroupRecord | null,
  now: Date,
  retryRefusedAfterMs: number,
): Decision {
  if (desired.members.length === 0) return 'leave';
  const refusal = record?.refusal ?? null;
  if (record && sameMembers(record.members, desired.members)) {
    return refusal ? 'forget-refusal' : 'unchanged';
  }
  const recentlyRefused =
    refusal !== null &&
    sameMembers(refusal.members, desired.members) &&
    now.getTime() - refusal.at.getTime() < retryRefusedAfterMs;
  return recentlyRefused ? 'wait' : 'push';
}

export class UserGroupSync {
  private readonly retryRefusedAfterMs: number;

  constructor(private readonly options: UserGroupSyncOptions) {
    this.retryRefusedAfterMs = options.retryRefusedAfterMs ?? 10 * 60_000;
  }

  /** Brings every group to its desired members, one at a time; one group's failure spares the rest. */
  async syncAt(
    desired: DesiredUserGroup[],
    now: Date,
    channelFor: (groupId: string) => string,
  ): Promise<SyncResult[]> {
    const results: SyncResult[] = [];
    for (const group of desired) {
      try {
        results.push(await this.syncGroup(group, now, channelFor));
      } catch (error) {
        this.options.logger.error({ err: error, groupId: group.groupId }, 'user group sync failed');
        results.push({ groupId: group.groupId, outcome: 'failed' });
      }
    }
    return results;
  }

  private async syncGroup(
    group: DesiredUserGroup,
    now: Date,
    channelFor: (groupId: string) => string,
  ): Promise<SyncResult> {
    const { state, logger } = this.options;
    const { groupId, members } = group;
    const record = await state.get(groupId);
    switch (decideSync(group, record, now, this.retryRefusedAfterMs)) {
      case 'leave':
        logger.debug({ groupId, reason: group.reason }, 'user group left as it is');
        return { groupId, outcome: 'left-as-is' };
      case 'unchanged':
        return { groupId, outcome: 'unchanged' };
      case 'forget-refusal':
        await state.record(groupId, members, now);
        return { groupId, outcome: 'unchanged' };
      case 'wait':
        return { groupId, outcome: 'waiting', error: record?.refusal?.error };
      case 'push':
        return this.push(group, now, channelFor);
    }
  }

  private async push(
    group: DesiredUserGroup,
    now: Date,
    channelFor: (groupId: string) => string,
  ): Promise<SyncResult> {
    const { slack, state, logger } = this.options;
    const { groupId, members } = group;
    try {
      await slack.updateUserGroup(groupId, members);
    } catch (error) {
      const failure = slackFailure(error);
      if (failure.transient) {
        logger.warn(
          { groupId, members, error: failure.detail },
          'user group not updated; retrying at the next sync',
        );
        return { groupId, outcome: 'failed', error: failure.code };
      }
      const firstTime = await state.recordRefusal(groupId, { error: failure.code, members }, now);
      logger.warn(
        { groupId, members, error: failure.code, told: firstTime },
        'Slack refused to update a user group',
      );
      if (firstTime) await this.tell(channelFor, group, failure.code);
      return { groupId, outcome: 'refused', error: failure.code };
    }
    await state.record(groupId, members, now);
    logger.info({ groupId, members, reason: group.reason }, 'user group updated');
    return { groupId, outcome: 'updated' };
  }

  private async tell(
    channelFor: (groupId: string) => string,
    group: DesiredUserGroup,
    error: string,
  ) {
    const text = refusalMessage(group, error, Math.round(this.retryRefusedAfterMs / 60_000));
    try {
      await this.options.notify(channelFor(group.groupId), text);
    } catch (notifyError) {
      this.options.logger.error(
        { err: notifyError, groupId: group.groupId },
        'could not tell the channel that Slack refused a user group update',
      );
    }
  }
}
