// How the rollback policy names people in its sentences, and who belongs to a list of users and groups.
import type { PolicyContext } from './context.js';

/** A list of Slack users and user groups, as app.yaml writes `requesters` and `approvers`. */
export interface PeopleList {
  userGroups: readonly string[];
  users: readonly string[];
}

export function isListed(list: PeopleList, ctx: PolicyContext, actor: string): boolean {
  if (list.users.includes(actor)) return true;
  const groups = ctx.userGroupsOf(actor);
  return list.userGroups.some((group) => groups.includes(group));
}

export const userMention = (userId: string): string => `<@${userId}>`;
export const groupMention = (groupId: string): string => `<!subteam^${groupId}>`;

/** "a", "a or b", "a, b or c". */
export function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** The list's groups and users as mentions, leaving out the people in `except`. */
export function mentions(list: PeopleList, except: readonly string[] = []): string[] {
  return [
    ...list.userGroups.map(groupMention),
    ...list.users.filter((user) => !except.includes(user)).map(userMention),
  ];
}

/** "the current on-call (<@U1>)", naming who is on duty now, leaving out the people in `except`. */
export function onCallPhrase(onCallNow: readonly string[], except: readonly string[] = []): string {
  const others = onCallNow.filter((member) => !except.includes(member));
  if (others.length > 0) return `the current on-call (${joinOr(others.map(userMention))})`;
  return except.some((member) => onCallNow.includes(member))
    ? 'the current on-call (nobody else is on duty right now)'
    : 'the current on-call (nobody is on duty right now)';
}

/** " in shop", or nothing when the context names no namespace. */
export function inWhere(ctx: PolicyContext): string {
  return ctx.namespace ? ` in ${ctx.namespace}` : '';
}
