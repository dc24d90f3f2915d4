// What was last pushed to each Slack user group, and the last push Slack refused, so a sync runs
// only when the members differ and a refusal is told once.
import type pg from 'pg';
import { inTransaction } from './sql.js';
import { requireText } from './validate.js';

export interface UserGroupRefusal {
  /** Slack's error name, e.g. invalid_users. */
  error: string;
  /** The members the bot tried to set: sorted, without duplicates. */
  members: string[];
  /** When it was last tried. */
  at: Date;
}

export interface UserGroupState {
  /** Whom the bot last set the group to: sorted, without duplicates; [] before the first success. */
  members: string[];
  /** When that push succeeded; null before the first success. */
  syncedAt: Date | null;
  /** The refusal of the last push, when the last push was refused. */
  refusal: UserGroupRefusal | null;
}

interface GroupRow {
  members: string[];
  synced_at: Date | null;
  refusal_error: string | null;
  refusal_members: string[] | null;
  refused_at: Date | null;
}

/** Members as stored and compared: sorted, without duplicates. */
export function normalizeGroupMembers(members: readonly string[]): string[] {
  return [...new Set(members)].sort();
}

export async function userGroupState(
  pool: pg.Pool,
  groupId: string,
): Promise<UserGroupState | null> {
  const { rows } = await pool.query<GroupRow>(
    `SELECT members, synced_at, refusal_error, refusal_members, refused_at
     FROM oncall_user_group_state WHERE group_id = $1`,
    [groupId],
  );
  const row = rows[0];
  if (!row) return null;
  const refusal =
    row.refusal_error !== null && row.refused_at !== null
      ? { error: row.refusal_error, members: row.refusal_members ?? [], at: row.refused_at }
      : null;
  return { members: row.members, syncedAt: row.synced_at, refusal };
}

/**
 * Records a successful push and forgets any refusal; an older push arriving late never
 * overwrites a newer one. A group is never emptied (Slack forbids it).
 */
export async function recordUserGroupSync(
  pool: pg.Pool,
  groupId: string,
  members: readonly string[],
  now: Date,
): Promise<void> {
  if (members.length === 0) throw new RangeError('a Slack user group cannot be emptied');
  await pool.query(
    `INSERT INTO oncall_user_group_state (group_id, members, synced_at) VALUES ($1, $2, $3)
     ON CONFLICT (group_id) DO UPDATE
       SET members = EXCLUDED.members, synced_at = EXCLUDED.synced_at,
           refusal_error = NULL, refusal_members = NULL, refused_at = NULL
       WHERE oncall_user_group_state.synced_at IS NULL
          OR oncall_user_group_state.synced_at <= EXCLUDED.synced_at`,
    [requireText(groupId, 'The user group'), normalizeGroupMembers(members), now],
  );
}

/**
 * Records that Slack refused to set `members` (at = now), keeping the last members. True only for
 * the one caller, across replicas too, that found this error for these members not yet recorded.
 */
export async function recordUserGroupRefusal(
  pool: pg.Pool,
  groupId: string,
  refusal: { error: string; members: readonly string[] },
  now: Date,
): Promise<boolean> {
  const group = requireText(groupId, 'The user group');
  const error = requireText(refusal.error, 'The Slack error');
  const members = normalizeGroupMembers(refusal.members);
  return inTransaction(pool, async (client) => {
    const news = await client.query(
      `INSERT INTO oncall_user_group_state (group_id, refusal_error, refusal_members, refused_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_id) DO UPDATE
         SET refusal_error = EXCLUDED.refusal_error, refusal_members = EXCLUDED.refusal_members,
             refused_at = EXCLUDED.refused_at
         WHERE oncall_user_group_state.refusal_error IS DISTINCT FROM EXCLUDED.refusal_error
            OR oncall_user_group_state.refusal_members IS DISTINCT FROM EXCLUDED.refusal_members`,
      [group, error, members, now],
    );
    if (news.rowCount === 1) return true;
    await client.query(
      'UPDATE oncall_user_group_state SET refused_at = $2 WHERE group_id = $1 AND refused_at < $2',
      [group, now],
    );
    return false;
  });
}
