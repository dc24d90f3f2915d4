// What the rollback policy needs to know about the moment of a click, gathered by the caller.

export interface PolicyContext {
  /** The click came from one of the owning team's channels. */
  teamChannelsMember: boolean;
  /** The Slack user groups a user belongs to (resolved from Slack by the caller). */
  userGroupsOf: (userId: string) => readonly string[];
  /** Members on duty now in the owning team's rotations. */
  onCallNow: readonly string[];
  /** Members whose shift it is in the owning team's rotations, but outside coverage hours now. */
  onCallOutsideCoverage: readonly string[];
  /** Where the rollback is, for the sentences ("… may approve rollbacks in shop"). */
  namespace?: string;
  /** The owning team's channels, named when a request comes from elsewhere. */
  teamChannels?: readonly string[];
}

export type PolicyDecision = { allowed: true } | { allowed: false; reason: string };

export const ALLOWED: PolicyDecision = { allowed: true };

export function refused(reason: string): PolicyDecision {
  return { allowed: false, reason };
}
