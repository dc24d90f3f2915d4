// What Slack does to what a person types before the app sees it: &, < and > escaped, `@carol` made
// `<@U0CAROL01|carol>`, `@oncall-zurich` a user-group token and `#platform` a channel token (slash
// commands with should_escape; messages get the same tokens, users without their name).
import type { Workspace } from '../slack/workspace.js';

/** The text as Slack hands it to the app; @names and #channels it does not know stay as typed. */
export function typedText(text: string, workspace: Workspace, kind: 'command' | 'message'): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return mentionTokens(escaped, workspace, kind);
}

function mentionTokens(text: string, workspace: Workspace, kind: 'command' | 'message'): string {
  const users = new Map([...workspace.users.values()].map((user) => [user.name, user.id]));
  const groups = new Map(
    [...workspace.userGroups.values()].map((group) => [group.handle, group.id]),
  );
  const channels = new Map(
    [...workspace.channels.values()]
      .filter((channel) => !channel.id.startsWith('D'))
      .map((channel) => [channel.name, channel.id]),
  );
  return text.replace(
    /(^|[\s(])([@#])([a-z0-9][a-z0-9._-]*[a-z0-9]|[a-z0-9])(?=$|[\s),.;:!?])/gi,
    (whole, before: string, sigil: string, name: string) => {
      const key = name.toLowerCase();
      if (sigil === '#') {
        const id = channels.get(key);
        return id ? `${before}<#${id}|${key}>` : whole;
      }
      const user = users.get(key);
      if (user) return `${before}<@${user}${kind === 'command' ? `|${key}` : ''}>`;
      const group = groups.get(key);
      return group ? `${before}<!subteam^${group}|@${key}>` : whole;
    },
  );
}
