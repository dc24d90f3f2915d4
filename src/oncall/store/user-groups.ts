// What was last pushed to each Slack user group, so a sync runs only when the members differ.
import type pg from 'pg';

export interface UserGroupState {
  /** Sorted, without duplicates. */
  members: string[];
  syncedAt: Date;
}

/** Members as stored and compared: sorted, without duplicates. */
export function normalizeGroupMembers(members: readonly string[]): string[] {
  return [...new Set(members)].sort();
}

export async function userGroupState(
  pool: pg.Pool,
  groupId: string,
): Promise<UserGroupState | null> {
  const { rows } = await pool.query<{ members: string[]; synced_at: Date }>(
    'SELECT members, synced_at FROM oncall_user_group_state WHERE group_id = $1',
    [groupId],
  );
  const row = rows[0];
  return row ? { members: row.members, syncedAt: row.synced_at } : null;
}

/** Records a successful push (an older one never overwrites a newer); never empty (Slack forbids it). */
export async function recordUserGroupSync(
  pool: pg.Pool,
  groupId: string,
  members: readonly string[],
  now: Date,
): Promise<void> {
  if (members.length === 0) throw new RangeError('a Slack user group cannot be emptied');
  await pool.query(
    `INSERT INTO oncall_user_group_state (group_id, members, synced_at) VALUES ($1, $2, $3)
     ON CONFLICT (group_id) DO UPDATE SET members = EXCLUDED.members, synced_at = EXCLUDED.synced_at
       WHERE oncall_user_group_state.synced_at <= EXCLUDED.synced_at`,
    [groupId, normalizeGroupMembers(members), now],
  );
}
