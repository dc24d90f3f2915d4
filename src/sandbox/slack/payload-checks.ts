// Checks a message or a view the way Slack does before accepting it, throwing Slack's error name.
import { blockKitLimits, blockProblems } from './block-kit-limits.js';
import { checkTextObject, isRecord, tooLong, type Problems } from './block-kit-elements.js';
import { SlackMethodError, type SlackArgs } from './types.js';

export interface MessageContent {
  text: string | undefined;
  blocks: unknown[] | undefined;
  attachments: unknown[] | undefined;
}

/**
 * The text, blocks and attachments of a message, or Slack's rejection: `invalid_blocks_format`
 * (blocks not a JSON array), `invalid_blocks` (a limit broken), `msg_too_long`, `no_text`.
 */
export function checkMessage(
  args: SlackArgs,
  options: { requireContent: boolean },
): MessageContent {
  const blocks = args.blocks;
  if (blocks !== undefined && !Array.isArray(blocks)) {
    throw new SlackMethodError('invalid_blocks_format');
  }
  if (blocks !== undefined) {
    const problems = blockProblems(blocks, 'message');
    if (problems.length > 0) throw new SlackMethodError('invalid_blocks', problems);
  }
  const attachments = Array.isArray(args.attachments) ? args.attachments : undefined;
  const text = typeof args.text === 'string' ? args.text : undefined;
  if (text !== undefined && text.length > blockKitLimits.messageText) {
    throw new SlackMethodError('msg_too_long');
  }
  const hasContent =
    (text !== undefined && text !== '') ||
    (blocks !== undefined && blocks.length > 0) ||
    (attachments !== undefined && attachments.length > 0);
  if (options.requireContent && !hasContent) throw new SlackMethodError('no_text');
  return { text, blocks, attachments };
}

/** A modal or Home tab view, or `invalid_arguments` with one line per problem, as Slack answers. */
export function checkView(view: unknown, allowed: ReadonlyArray<'modal' | 'home'>) {
  if (!isRecord(view))
    throw new SlackMethodError('invalid_arguments', ['missing required field: view']);
  const problems: Problems = [];
  const type = view.type;
  if (type !== 'modal' && type !== 'home') {
    throw new SlackMethodError('invalid_arguments', [
      'must be a valid enum value [json-pointer:/view/type]',
    ]);
  }
  if (!allowed.includes(type)) {
    throw new SlackMethodError('invalid_arguments', [
      `view type ${type} is not allowed here [json-pointer:/view/type]`,
    ]);
  }
  if (type === 'modal') {
    const rule = { max: blockKitLimits.viewTitle, plainOnly: true };
    checkTextObject(view.title, '/view/title', problems, rule);
    const buttonRule = { max: blockKitLimits.viewButton, plainOnly: true };
    if (view.submit !== undefined)
      checkTextObject(view.submit, '/view/submit', problems, buttonRule);
    if (view.close !== undefined) checkTextObject(view.close, '/view/close', problems, buttonRule);
  }
  if (!Array.isArray(view.blocks)) {
    problems.push('missing required field: blocks [json-pointer:/view/blocks]');
  } else {
    problems.push(...blockProblems(view.blocks, type, '/view/blocks'));
  }
  const limits: Array<[string, number]> = [
    ['private_metadata', blockKitLimits.privateMetadata],
    ['callback_id', blockKitLimits.callbackId],
  ];
  for (const [field, max] of limits) {
    const value = view[field];
    if (typeof value === 'string' && value.length > max)
      problems.push(tooLong(max, `/view/${field}`));
  }
  if (problems.length > 0) throw new SlackMethodError('invalid_arguments', problems);
  return { ...view, type } as Record<string, unknown> & { type: 'modal' | 'home' };
}
