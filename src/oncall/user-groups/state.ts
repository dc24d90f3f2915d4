// What the bot remembers about each user group it manages (kept in Postgres by the oncall store).

/** A push Slack refused; remembered so the channel is told once, not at every sync. */
export interface UserGroupRefusal {
  /** Slack's error name, e.g. invalid_users. */
  error: string;
  /** The members the bot tried to set. */
  members: string[];
  /** When it was last tried. */
  at: Date;
}

export interface UserGroupRecord {
  /** Whom the bot last set the group to ([] when it never succeeded). */
  members: string[];
  /** The refusal of the last push, if the last push was refused. */
  refusal?: UserGroupRefusal | null;
}

export interface UserGroupSyncState {
  get(groupId: string): Promise<UserGroupRecord | null>;
  /** Slack accepted `members`: remember them and forget any refusal. */
  record(groupId: string, members: string[], now: Date): Promise<void>;
  /**
   * Slack refused to set `members` with `error`: remember it (at = now), keeping the last members.
   * Resolves true when the same error for the same members was not already recorded, i.e. exactly
   * one caller (also across replicas, with a conditional update) reports it to the channel.
   */
  recordRefusal(
    groupId: string,
    refusal: { error: string; members: string[] },
    now: Date,
  ): Promise<boolean>;
}

/** The same people, in any order. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedB = [...b].sort();
  return [...a].sort().every((member, index) => member === sortedB[index]);
}
