// Plays Slack's side towards the app: signed slash commands, button clicks, modal submissions and
// events, with response URLs and trigger ids from the fake, and the app's answers shown in the fake.
import type { FakeSlackApi } from './fake-slack-api.js';
import {
  blockActionsBody,
  eventCallbackBody,
  findButton,
  slashCommandBody,
  viewSubmissionBody,
  type Actor,
  type Origin,
} from './interaction-payloads.js';
import { messageObject } from './message-store.js';
import { signSlackRequest } from './signing.js';
import { viewObject } from './view-store.js';

/** How to tamper with a request's signing, for tests of forged, stale or replayed requests. */
export interface SigningOverrides {
  /** Added to the signing timestamp (e.g. -600 for a request 10 minutes old). */
  timestampOffsetSeconds?: number;
  /** Sent instead of the real signature. */
  signatureOverride?: string;
}

export interface SlackResponse {
  status: number;
  /** The parsed JSON body, the text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** How long the app took to answer; Slack gives up after 3 seconds. */
  elapsedMs: number;
}

export interface SlackRequesterOptions {
  /** e.g. http://127.0.0.1:3000/slack/events */
  appUrl: string;
  signingSecret: string;
  fakeSlack: FakeSlackApi;
  teamId?: string;
  /** Clock for signing timestamps in ms (default Date.now: Bolt checks them against real time). */
  now?: () => number;
}

export interface SlashCommand extends SigningOverrides {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  userName?: string;
  channelName?: string;
  triggerId?: string;
}

export interface BlockAction extends SigningOverrides {
  userId: string;
  actionId: string;
  /** The message holding the button; or `viewId` for a button in the App Home or a modal. */
  channelId?: string;
  messageTs?: string;
  viewId?: string;
  isEphemeral?: boolean;
  /** Default: the button's own value, as Slack sends it. */
  value?: string;
  blockId?: string;
  responseUrl?: string;
  /** Default: the message as the fake holds it. */
  message?: Record<string, unknown>;
  userName?: string;
}

export interface ViewSubmission extends SigningOverrides {
  userId: string;
  viewId: string;
  /** `state.values`: block_id → action_id → `{ type, value }`. */
  values?: Record<string, Record<string, unknown>>;
  userName?: string;
}

export class SlackRequester {
  private readonly fake: FakeSlackApi;
  private eventSequence = 0;

  constructor(private readonly options: SlackRequesterOptions) {
    this.fake = options.fakeSlack;
  }

  /** `/command text` typed by a user; an ack body with text or blocks is shown as Slack shows it. */
  async slashCommand(request: SlashCommand) {
    const channel = {
      id: request.channelId,
      name: request.channelName ?? this.channelName(request.channelId),
    };
    const responseUrl = this.fake.responseUrl({ channelId: channel.id, userId: request.userId });
    const triggerId = request.triggerId ?? this.fake.issueTriggerId(request.userId);
    const body = slashCommandBody(this.origin(), {
      command: request.command,
      text: request.text,
      user: this.actor(request.userId, request.userName),
      channel,
      responseUrl,
      triggerId,
    });
    const response = await this.post(body, 'application/x-www-form-urlencoded', request);
    if (response.status === 200 && hasMessageContent(response.body)) {
      this.fake.acknowledge({ channelId: channel.id, userId: request.userId }, response.body);
    }
    return { ...response, responseUrl, triggerId };
  }

  /** A click on a button, found by action_id in the message (or view) as the fake holds it. */
  async blockAction(request: BlockAction) {
    const surface = request.viewId
      ? this.viewSurface(request.viewId)
      : this.messageSurface(request);
    const button = findButton(surface.blocks, request.actionId);
    if (!button && request.value === undefined) {
      throw new Error(`No button ${request.actionId} to click: it is not (or no longer) shown`);
    }
    const triggerId = this.fake.issueTriggerId(request.userId);
    const body = blockActionsBody(this.origin(), {
      user: this.actor(request.userId, request.userName),
      triggerId,
      surface: surface.fields,
      action: {
        actionId: request.actionId,
        blockId: request.blockId ?? button?.blockId ?? 'block',
        value: request.value ?? button?.value,
        text: button?.text,
        actionTs: this.fake.messages.nextTs(),
      },
    });
    const response = await this.post(body, 'application/x-www-form-urlencoded', request);
    return { ...response, triggerId, responseUrl: surface.responseUrl };
  }

  /** The user submits an open modal; the app's answer (close, errors, update, push) is applied. */
  async viewSubmission(request: ViewSubmission) {
    const stored = this.fake.views.byId(request.viewId);
    if (!stored) throw new Error(`No open view ${request.viewId} to submit`);
    const view = {
      ...viewObject(stored, this.fake.workspace.bot),
      state: { values: request.values ?? {} },
    };
    const body = viewSubmissionBody(this.origin(), {
      user: this.actor(request.userId, request.userName),
      triggerId: this.fake.issueTriggerId(request.userId),
      view,
    });
    const response = await this.post(body, 'application/x-www-form-urlencoded', request);
    if (response.status === 200) this.fake.acknowledgeViewSubmission(stored.id, response.body);
    return response;
  }

  /** An Events API `event_callback` wrapping `event`, sent as JSON. */
  event(event: Record<string, unknown>, overrides: SigningOverrides = {}) {
    this.eventSequence += 1;
    const body = eventCallbackBody(this.origin(), event, {
      eventId: `Ev${String(this.eventSequence).padStart(9, '0')}`,
      eventTimeSeconds: Math.floor(this.now() / 1000),
    });
    return this.post(body, 'application/json', overrides);
  }

  /** A person posts a message (a thread reply with `threadTs`): stored in the fake, then sent as an event. */
  async message(request: { userId: string; channelId: string; text: string; threadTs?: string }) {
    const stored = this.fake.postAsUser({
      channel: request.channelId,
      user: request.userId,
      text: request.text,
      ...(request.threadTs ? { threadTs: request.threadTs } : {}),
    });
    const response = await this.event({
      ...messageObject(stored),
      channel: stored.channel,
      channel_type: stored.channel.startsWith('D') ? 'im' : 'channel',
      event_ts: stored.ts,
    });
    return { message: stored, response };
  }

  /** The user opens the app's Home tab. */
  appHomeOpened(userId: string) {
    const home = this.fake.views.home(userId);
    return this.event({
      type: 'app_home_opened',
      user: userId,
      channel: this.fake.workspace.directMessage(userId).id,
      tab: 'home',
      event_ts: this.fake.messages.nextTs(),
      ...(home ? { view: viewObject(home, this.fake.workspace.bot) } : {}),
    });
  }

  private messageSurface(request: BlockAction) {
    const { channelId, messageTs, userId } = request;
    if (!channelId || !messageTs) throw new Error('blockAction needs channelId and messageTs');
    const isEphemeral = request.isEphemeral ?? false;
    const message = request.message ?? this.heldMessage(channelId, messageTs, isEphemeral);
    if (!message) throw new Error(`No message ${messageTs} in ${channelId} to click on`);
    const responseUrl =
      request.responseUrl ?? this.fake.responseUrl({ channelId, userId, messageTs, isEphemeral });
    const fields = {
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: isEphemeral,
      },
      channel: { id: channelId, name: this.channelName(channelId) },
      ...(isEphemeral ? {} : { message }),
      response_url: responseUrl,
    };
    return { fields, blocks: message.blocks, responseUrl };
  }

  private heldMessage(channelId: string, ts: string, isEphemeral: boolean) {
    if (!isEphemeral) {
      const stored = this.fake.messages.find(channelId, ts);
      return stored && messageObject(stored);
    }
    const ephemeral = this.fake.messages.findEphemeral(ts);
    return ephemeral && { type: 'message', ts, text: ephemeral.text, blocks: ephemeral.blocks };
  }

  private viewSurface(viewId: string) {
    const stored = this.fake.views.byId(viewId);
    if (!stored) throw new Error(`No view ${viewId} to click on`);
    const view = viewObject(stored, this.fake.workspace.bot);
    return {
      fields: { container: { type: 'view', view_id: viewId }, view },
      blocks: view.blocks,
      responseUrl: undefined,
    };
  }

  private origin(): Origin {
    const { bot } = this.fake.workspace;
    return { ...bot, teamId: this.options.teamId ?? bot.teamId };
  }

  private actor(userId: string, userName?: string): Actor {
    return {
      id: userId,
      name: userName ?? this.fake.workspace.users.get(userId)?.name ?? userId.toLowerCase(),
    };
  }

  private channelName(channelId: string): string {
    if (channelId.startsWith('D')) return 'directmessage';
    return this.fake.workspace.channels.get(channelId)?.name ?? channelId.toLowerCase();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async post(
    body: string,
    contentType: string,
    overrides: SigningOverrides,
  ): Promise<SlackResponse> {
    const timestamp = Math.floor(this.now() / 1000) + (overrides.timestampOffsetSeconds ?? 0);
    const signature = signSlackRequest(this.options.signingSecret, body, timestamp);
    if (overrides.signatureOverride !== undefined) {
      signature['x-slack-signature'] = overrides.signatureOverride;
    }
    const started = performance.now();
    const response = await fetch(this.options.appUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signature },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: parseBody(text),
      elapsedMs: performance.now() - started,
    };
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hasMessageContent(body: unknown): body is Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { text, blocks } = body as { text?: unknown; blocks?: unknown };
  return (typeof text === 'string' && text !== '') || Array.isArray(blocks);
}
