// The fake Slack Web API's public surface, for tests and the sandbox console.
export { FakeSlackApi, type FakeSlackOptions } from './fake-slack-api.js';
export type { CallPredicate } from './call-recorder.js';
export type { EphemeralMessage, StoredMessage } from './message-store.js';
export type { ResponseContext } from './response-urls.js';
export type { StoredView } from './view-store.js';
export type { BotIdentity, FakeChannel, FakeUser, FakeUserGroup } from './workspace.js';
export { blockKitLimits } from './block-kit-limits.js';
export type { Fault, RecordedCall, SlackArgs } from './types.js';
export { messageObject } from './message-store.js';
export { viewObject } from './view-store.js';
export { signSlackRequest, type SlackSignatureHeaders } from './signing.js';
export {
  SlackRequester,
  type BlockAction,
  type SigningOverrides,
  type SlackRequesterOptions,
  type SlackResponse,
  type SlashCommand,
  type ViewSubmission,
} from './slack-requester.js';
export { findButton, type FoundButton } from './interaction-payloads.js';
