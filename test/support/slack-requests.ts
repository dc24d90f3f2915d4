// Signed requests exactly as Slack sends them (slash commands, block_actions, view_submission,
// events), for e2e tests; the implementation lives in src/sandbox/slack so the sandbox console shares it.
export {
  SlackRequester,
  signSlackRequest,
  type BlockAction,
  type SigningOverrides,
  type SlackRequesterOptions,
  type SlackResponse,
  type SlackSignatureHeaders,
  type SlashCommand,
  type ViewSubmission,
} from '../../src/sandbox/slack/index.js';
