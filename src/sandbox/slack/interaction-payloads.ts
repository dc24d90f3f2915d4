// The bodies Slack sends an app, with Slack's real field names: slash command forms, block_actions
// and view_submission payloads (form field `payload`), and Events API `event_callback` envelopes.
import { isRecord } from './block-kit-elements.js';

/** The workspace and app a request comes from. */
export interface Origin {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
}

export interface Actor {
  id: string;
  name: string;
}

/** Slack still sends the deprecated verification token; Bolt ignores it and checks the signature. */
const verificationToken = 'verification-token-unused';

export function slashCommandBody(
  origin: Origin,
  command: {
    command: string;
    text: string;
    user: Actor;
    channel: { id: string; name: string };
    responseUrl: string;
    triggerId: string;
  },
): string {
  return new URLSearchParams({
    token: verificationToken,
    team_id: origin.teamId,
    team_domain: origin.teamDomain,
    channel_id: command.channel.id,
    channel_name: command.channel.name,
    user_id: command.user.id,
    user_name: command.user.name,
    command: command.command,
    text: command.text,
    api_app_id: origin.appId,
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: command.triggerId,
  }).toString();
}

function interactionBase(origin: Origin, user: Actor, triggerId: string) {
  return {
    user: { id: user.id, username: user.name, name: user.name, team_id: origin.teamId },
    api_app_id: origin.appId,
    token: verificationToken,
    trigger_id: triggerId,
    team: { id: origin.teamId, domain: origin.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/**
 * A button click. `surface` carries where it happened: `container`, `channel`, `message` and
 * `response_url` for a message; `container` and `view` for the App Home or a modal.
 */
export function blockActionsBody(
  origin: Origin,
  click: {
    user: Actor;
    triggerId: string;
    surface: Record<string, unknown>;
    action: { actionId: string; blockId: string; value?: string; text?: unknown; actionTs: string };
  },
): string {
  const { action } = click;
  const payload = {
    type: 'block_actions',
    ...interactionBase(origin, click.user, click.triggerId),
    ...click.surface,
    state: { values: {} },
    actions: [
      {
        action_id: action.actionId,
        block_id: action.blockId,
        ...(action.text !== undefined ? { text: action.text } : {}),
        ...(action.value !== undefined ? { value: action.value } : {}),
        type: 'button',
        action_ts: action.actionTs,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function viewSubmissionBody(
  origin: Origin,
  submission: { user: Actor; triggerId: string; view: Record<string, unknown> },
): string {
  const payload = {
    type: 'view_submission',
    ...interactionBase(origin, submission.user, submission.triggerId),
    view: submission.view,
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function eventCallbackBody(
  origin: Origin,
  event: Record<string, unknown>,
  envelope: { eventId: string; eventTimeSeconds: number },
): string {
  return JSON.stringify({
    token: verificationToken,
    team_id: origin.teamId,
    api_app_id: origin.appId,
    event,
    type: 'event_callback',
    event_id: envelope.eventId,
    event_time: envelope.eventTimeSeconds,
    authorizations: [
      {
        enterprise_id: null,
        team_id: origin.teamId,
        user_id: origin.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  });
}

export interface FoundButton {
  blockId: string;
  value: string | undefined;
  text: unknown;
}

/** The button with this action_id in a message or view, as a user would find it on screen. */
export function findButton(blocks: unknown, actionId: string): FoundButton | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const elements = Array.isArray(block.elements) ? block.elements : [];
    const candidates: unknown[] = [...elements, block.accessory];
    const element = candidates.find((item) => isRecord(item) && item.action_id === actionId);
    if (isRecord(element)) {
      return {
        blockId: typeof block.block_id === 'string' ? block.block_id : 'block',
        value: typeof element.value === 'string' ? element.value : undefined,
        text: element.text,
      };
    }
  }
  return undefined;
}
