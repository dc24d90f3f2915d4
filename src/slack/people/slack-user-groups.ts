// Sets the members of a Slack user group with usergroups.users.update (scope usergroups:write).
import type { WebClient } from '@slack/web-api';

export interface UserGroupsApi {
  /** Replaces the group's members; rejects with the Web API client's error when Slack refuses. */
  updateUserGroup(groupId: string, users: string[]): Promise<void>;
}

export function slackUserGroups(client: WebClient): UserGroupsApi {
  return {
    async updateUserGroup(groupId, users) {
      if (users.length === 0) {
        throw new Error(`refusing to empty user group ${groupId}: Slack does not allow it`);
      }
      await client.usergroups.users.update({ usergroup: groupId, users: users.join(',') });
    },
  };
}
