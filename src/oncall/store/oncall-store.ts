// The on-call store's facade: one object over the pool, one method per question or change.
import type pg from 'pg';
import type { RosterVersion } from '../engine/index.js';
import * as calendar from './calendar-tokens.js';
import type { CalendarTokenOwner, CalendarTokenScope } from './calendar-tokens.js';
import * as cover from './cover-requests.js';
import type { CoverRequest, NewCoverRequest, TakeCoverResult } from './cover-requests.js';
import type { CoverReminder } from './cover-reminders.js';
import * as overrides from './overrides.js';
import type { NewOverride, StoredOverride } from './overrides.js';
import * as rosters from './rosters.js';
import type { PendingRosterOutcome } from './rosters.js';
import * as swaps from './swaps.js';
import type { NewSwap, StoredSwap } from './swaps.js';
import * as groups from './user-groups.js';
import type { UserGroupState } from './user-groups.js';

/**
 * Overrides, swaps, roster history, cover requests, calendar tokens and user-group state in
 * Postgres. Every method checks its input (UserFacingError for what a user could get wrong) and
 * every state change is one conditional statement, so double clicks and replicas change it once.
 */
export class OncallStore {
  constructor(private readonly pool: pg.Pool) {}

  addOverride(input: NewOverride): Promise<StoredOverride> {
    return overrides.addOverride(this.pool, input);
  }
  cancelOverride(id: string, by: string, now: Date): Promise<StoredOverride | null> {
    return overrides.cancelOverride(this.pool, id, by, now);
  }
  getOverride(id: string): Promise<StoredOverride | null> {
    return overrides.getOverride(this.pool, id);
  }
  overridesFor(rotations: readonly string[], from: Date, to: Date): Promise<StoredOverride[]> {
    return overrides.overridesFor(this.pool, rotations, from, to);
  }

  proposeSwap(input: NewSwap): Promise<StoredSwap> {
    return swaps.proposeSwap(this.pool, input);
  }
  decideSwap(
    id: string,
    decision: 'confirmed' | 'declined',
    by: string,
    now: Date,
  ): Promise<StoredSwap | null> {
    return swaps.decideSwap(this.pool, id, decision, by, now);
  }
  cancelSwap(id: string, by: string, now: Date): Promise<StoredSwap | null> {
    return swaps.cancelSwap(this.pool, id, by, now);
  }
  getSwap(id: string): Promise<StoredSwap | null> {
    return swaps.getSwap(this.pool, id);
  }
  confirmedSwaps(rotations: readonly string[]): Promise<StoredSwap[]> {
    return swaps.swapsWithStatus(this.pool, rotations, 'confirmed');
  }
  pendingSwaps(rotations: readonly string[]): Promise<StoredSwap[]> {
    return swaps.swapsWithStatus(this.pool, rotations, 'pending');
  }

  rosterVersions(rotation: string): Promise<RosterVersion[]> {
    return rosters.rosterVersions(this.pool, rotation);
  }
  recordFirstRosterVersion(
    rotation: string,
    members: readonly string[],
    now: Date,
  ): Promise<boolean> {
    return rosters.recordFirstRosterVersion(this.pool, rotation, members, now);
  }
  setPendingRosterVersion(
    rotation: string,
    pending: RosterVersion | null,
    now: Date,
  ): Promise<PendingRosterOutcome> {
    return rosters.setPendingRosterVersion(this.pool, rotation, pending, now);
  }

  createCoverRequest(input: NewCoverRequest): Promise<CoverRequest> {
    return cover.createCoverRequest(this.pool, input);
  }
  attachCoverMessage(id: string, channel: string, ts: string): Promise<boolean> {
    return cover.attachCoverMessage(this.pool, id, channel, ts);
  }
  getCoverRequest(id: string): Promise<CoverRequest | null> {
    return cover.getCoverRequest(this.pool, id);
  }
  takeCoverRequest(id: string, by: string, now: Date): Promise<TakeCoverResult> {
    return cover.takeCoverRequest(this.pool, id, by, now);
  }
  cancelCoverRequest(id: string, by: string, now: Date): Promise<CoverRequest | null> {
    return cover.cancelCoverRequest(this.pool, id, by, now);
  }
  openCoverRequests(rotations: readonly string[], now: Date): Promise<CoverRequest[]> {
    return cover.openCoverRequests(this.pool, rotations, now);
  }
  dueCoverReminders(now: Date): Promise<Array<{ request: CoverRequest; reminder: CoverReminder }>> {
    return cover.dueCoverReminders(this.pool, now);
  }
  markCoverReminderSent(id: string, reminder: CoverReminder): Promise<boolean> {
    return cover.markCoverReminderSent(this.pool, id, reminder);
  }
  expireCoverRequests(now: Date): Promise<CoverRequest[]> {
    return cover.expireCoverRequests(this.pool, now);
  }

  issueCalendarToken(input: CalendarTokenScope): Promise<string> {
    return calendar.issueCalendarToken(this.pool, input);
  }
  revokeCalendarToken(input: CalendarTokenScope): Promise<boolean> {
    return calendar.revokeCalendarToken(this.pool, input);
  }
  resolveCalendarToken(token: string): Promise<CalendarTokenOwner | null> {
    return calendar.resolveCalendarToken(this.pool, token);
  }

  userGroupState(groupId: string): Promise<UserGroupState | null> {
    return groups.userGroupState(this.pool, groupId);
  }
  recordUserGroupSync(groupId: string, members: readonly string[], now: Date): Promise<void> {
    return groups.recordUserGroupSync(this.pool, groupId, members, now);
  }
  recordUserGroupRefusal(
    groupId: string,
    refusal: { error: string; members: readonly string[] },
    now: Date,
  ): Promise<boolean> {
    return groups.recordUserGroupRefusal(this.pool, groupId, refusal, now);
  }
}
