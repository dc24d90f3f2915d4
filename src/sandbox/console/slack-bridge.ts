// Plays Slack towards the app for the console: what a person types becomes a signed slash command or
// an Events API message, a click a signed block_actions, a form a view_submission — exactly as Slack sends them.
import type { FakeSlackApi, SlackRequester } from '../slack/index.js';
import { typedText } from './mentions.js';

export class ConsoleInputError extends Error {}

export interface Typed {
  user: string;
  channel: string;
  text: string;
  threadTs?: string;
}

export interface Clicked {
  user: string;
  actionId: string;
  blockId?: string;
  value?: string;
  channel?: string;
  ts?: string;
  ephemeral?: boolean;
  viewId?: string;
}

export interface Submitted {
  user: string;
  viewId: string;
  values: Record<string, Record<string, unknown>>;
}

/** What the console tells the person when the app did not take their input. */
export interface Outcome {
  notice?: string;
  errors?: Record<string, string>;
}

export class SlackBridge {
  constructor(
    private readonly fake: FakeSlackApi,
    private readonly requester: SlackRequester,
  ) {}

  /** `/command args` becomes a slash command; anything else a message (a thread reply with threadTs). */
  async type(input: Typed): Promise<Outcome> {
    this.requireUser(input.user);
    const text = input.text.trim();
    if (text === '') throw new ConsoleInputError('Type a message or a slash command.');
    const command = /^(\/[a-z0-9_-]+)(?:\s+([\s\S]*))?$/i.exec(text);
    if (!command) {
      const response = await this.requester.message({
        userId: input.user,
        channelId: input.channel,
        text: typedText(text, this.fake.workspace, 'message'),
        ...(input.threadTs ? { threadTs: input.threadTs } : {}),
      });
      return this.outcome(response.response.status, 'your message');
    }
    const name = (command[1] ?? '').toLowerCase();
    const response = await this.requester.slashCommand({
      command: name,
      text: typedText(command[2] ?? '', this.fake.workspace, 'command'),
      userId: input.user,
      channelId: input.channel,
    });
    return this.outcome(response.status, name);
  }

  async click(input: Clicked): Promise<Outcome> {
    this.requireUser(input.user);
    const common = {
      userId: input.user,
      actionId: input.actionId,
      ...(input.blockId ? { blockId: input.blockId } : {}),
      ...(input.value !== undefined ? { value: input.value } : {}),
    };
    const where = input.viewId
      ? { viewId: input.viewId }
      : { channelId: input.channel, messageTs: input.ts, isEphemeral: input.ephemeral ?? false };
    try {
      const response = await this.requester.blockAction({ ...common, ...where });
      return this.outcome(response.status, 'the button');
    } catch (error) {
      if (error instanceof Error && /^No (button|message|view)/.test(error.message)) {
        throw new ConsoleInputError('That button is no longer there.');
      }
      throw error;
    }
  }

  async submit(input: Submitted): Promise<Outcome> {
    this.requireUser(input.user);
    const response = await this.requester.viewSubmission({
      userId: input.user,
      viewId: input.viewId,
      values: input.values,
    });
    const body = response.body as { response_action?: unknown; errors?: unknown } | undefined;
    if (body?.response_action === 'errors' && typeof body.errors === 'object' && body.errors) {
      return { errors: body.errors as Record<string, string> };
    }
    return this.outcome(response.status, 'the form');
  }

  /** Closes a modal the way the person's "Cancel" does. */
  closeView(user: string, viewId: string): void {
    const view = this.fake.views.byId(viewId);
    if (view?.user === user) this.fake.views.close(viewId);
  }

  async openHome(user: string): Promise<Outcome> {
    this.requireUser(user);
    const response = await this.requester.appHomeOpened(user);
    return this.outcome(response.status, 'the App Home');
  }

  private outcome(status: number, what: string): Outcome {
    if (status === 200) return {};
    const reason = status === 404 ? 'it has no handler for it' : `HTTP ${status}`;
    return { notice: `Watchkeeper did not take ${what}: ${reason}.` };
  }

  private requireUser(user: string): void {
    if (!this.fake.workspace.users.has(user) || this.fake.workspace.users.get(user)?.isBot) {
      throw new ConsoleInputError(`There is nobody called ${user} in the sandbox.`);
    }
  }
}
