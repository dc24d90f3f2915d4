// Slack's Block Kit limits, checked the way Slack checks them: one problem line per breach, each
// ending with the JSON pointer Slack names (`must be less than 3001 characters [json-pointer:/blocks/0/text/text]`).
import {
  checkElement,
  checkTextObject,
  isRecord,
  tooLong,
  type Problems,
} from './block-kit-elements.js';

export type Surface = 'message' | 'modal' | 'home';

export const blockKitLimits = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  actionsElements: 25,
  markdownText: 12_000,
  inputLabel: 2000,
  blockId: 255,
  messageText: 40_000,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
} as const;

const knownBlockTypes = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
]);

/** Every problem Slack would report for a `blocks` array shown on the given surface. */
export function blockProblems(blocks: unknown[], surface: Surface, pointer = '/blocks'): string[] {
  const problems: Problems = [];
  const max = surface === 'message' ? blockKitLimits.messageBlocks : blockKitLimits.viewBlocks;
  if (blocks.length > max)
    problems.push(`no more than ${max} items allowed [json-pointer:${pointer}]`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `${pointer}/${index}`;
    if (!isRecord(block) || typeof block.type !== 'string' || !knownBlockTypes.has(block.type)) {
      problems.push(`failed to match all allowed schemas [json-pointer:${at}]`);
      return;
    }
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > blockKitLimits.blockId) {
        problems.push(tooLong(blockKitLimits.blockId, `${at}/block_id`));
      }
      if (blockIds.has(block.block_id)) {
        problems.push(`duplicate block_id ${block.block_id} [json-pointer:${at}/block_id]`);
      }
      blockIds.add(block.block_id);
    }
    checkBlock(block, at, problems);
  });
  return problems;
}

function checkBlock(block: Record<string, unknown>, at: string, problems: Problems): void {
  switch (block.type) {
    case 'section':
      return checkSection(block, at, problems);
    case 'header':
      checkTextObject(block.text, `${at}/text`, problems, {
        max: blockKitLimits.headerText,
        plainOnly: true,
      });
      return;
    case 'context':
      return checkContext(block, at, problems);
    case 'actions':
      return checkElements(block, at, problems, blockKitLimits.actionsElements);
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length === 0) {
        problems.push(`missing required field: text [json-pointer:${at}/text]`);
      } else if (block.text.length > blockKitLimits.markdownText) {
        problems.push(tooLong(blockKitLimits.markdownText, `${at}/text`));
      }
      return;
    case 'input':
      checkTextObject(block.label, `${at}/label`, problems, {
        max: blockKitLimits.inputLabel,
        plainOnly: true,
      });
      if (!isRecord(block.element)) {
        problems.push(`missing required field: element [json-pointer:${at}/element]`);
      } else {
        checkElement(block.element, `${at}/element`, problems);
      }
      return;
  }
}

function checkSection(block: Record<string, unknown>, at: string, problems: Problems): void {
  const fields = block.fields;
  if (block.text === undefined && fields === undefined) {
    problems.push(`missing required field: text [json-pointer:${at}/text]`);
  }
  if (block.text !== undefined) {
    checkTextObject(block.text, `${at}/text`, problems, { max: blockKitLimits.sectionText });
  }
  if (fields !== undefined) {
    if (!Array.isArray(fields) || fields.length === 0) {
      problems.push(`must provide an array of at least 1 items [json-pointer:${at}/fields]`);
    } else {
      if (fields.length > blockKitLimits.sectionFields) {
        problems.push(
          `no more than ${blockKitLimits.sectionFields} items allowed [json-pointer:${at}/fields]`,
        );
      }
      fields.forEach((field, index) =>
        checkTextObject(field, `${at}/fields/${index}`, problems, {
          max: blockKitLimits.sectionFieldText,
        }),
      );
    }
  }
  if (isRecord(block.accessory)) checkElement(block.accessory, `${at}/accessory`, problems);
}

function checkContext(block: Record<string, unknown>, at: string, problems: Problems): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    problems.push(`must provide an array of at least 1 items [json-pointer:${at}/elements]`);
    return;
  }
  if (elements.length > blockKitLimits.contextElements) {
    problems.push(
      `no more than ${blockKitLimits.contextElements} items allowed [json-pointer:${at}/elements]`,
    );
  }
  elements.forEach((element, index) => {
    if (isRecord(element) && element.type === 'image') return;
    checkTextObject(element, `${at}/elements/${index}`, problems, {
      max: blockKitLimits.contextText,
    });
  });
}

function checkElements(
  block: Record<string, unknown>,
  at: string,
  problems: Problems,
  max: number,
): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    problems.push(`must provide an array of at least 1 items [json-pointer:${at}/elements]`);
    return;
  }
  if (elements.length > max) {
    problems.push(`no more than ${max} items allowed [json-pointer:${at}/elements]`);
  }
  const actionIds = new Set<string>();
  elements.forEach((element, index) => {
    const elementAt = `${at}/elements/${index}`;
    if (!isRecord(element)) {
      problems.push(`failed to match all allowed schemas [json-pointer:${elementAt}]`);
      return;
    }
    if (typeof element.action_id === 'string') {
      if (actionIds.has(element.action_id)) {
        problems.push(
          `duplicate action_id ${element.action_id} [json-pointer:${elementAt}/action_id]`,
        );
      }
      actionIds.add(element.action_id);
    }
    checkElement(element, elementAt, problems);
  });
}
