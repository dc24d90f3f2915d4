// Block Kit as DOM: header, section (text, fields, accessory), context, divider, actions with buttons
// (confirm dialogs included), images as their alt text; unknown blocks say so instead of vanishing.
import { el } from './dom.js';
import { mrkdwn, plain } from './mrkdwn.js';

/** A text object: mrkdwn rendered, plain_text as it is. */
export function textObject(object, ctx) {
  if (!object) return null;
  if (object.type === 'mrkdwn') return mrkdwn(object.text, ctx);
  return el('span', { class: 'plain' }, plain(object.text));
}

function image(element) {
  return el(
    'span',
    { class: 'image', title: element.image_url ?? '' },
    `[image: ${element.alt_text ?? ''}]`,
  );
}

/** A button; `surface.click(element, blockId)` sends the block_actions (after its confirm dialog). */
function button(element, blockId, surface) {
  const style =
    element.style === 'primary' || element.style === 'danger' ? element.style : 'default';
  return el(
    'button',
    {
      type: 'button',
      class: `btn btn-${style}`,
      'data-action-id': element.action_id,
      onclick: () => surface.click(element, blockId),
    },
    plain(element.text?.text),
  );
}

function element(item, blockId, surface, ctx) {
  switch (item.type) {
    case 'button':
      return button(item, blockId, surface);
    case 'image':
      return image(item);
    case 'mrkdwn':
    case 'plain_text':
      return textObject(item, ctx);
    default:
      return el('span', { class: 'unsupported' }, `(${item.type} is not shown in the console)`);
  }
}

function section(block, surface, ctx) {
  const fields = block.fields?.length
    ? el(
        'div',
        { class: 'fields' },
        block.fields.map((field) => textObject(field, ctx)),
      )
    : null;
  const accessory = block.accessory
    ? el('div', { class: 'accessory' }, element(block.accessory, block.block_id, surface, ctx))
    : null;
  return el(
    'div',
    { class: 'block section' },
    el('div', { class: 'section-body' }, textObject(block.text, ctx), fields),
    accessory,
  );
}

const renderers = {
  header: (block) => el('h3', { class: 'block header' }, plain(block.text?.text)),
  divider: () => el('hr', { class: 'block divider' }),
  section,
  context: (block, surface, ctx) =>
    el(
      'div',
      { class: 'block context' },
      (block.elements ?? []).map((item) => element(item, block.block_id, surface, ctx)),
    ),
  actions: (block, surface, ctx) =>
    el(
      'div',
      { class: 'block actions' },
      (block.elements ?? []).map((item) => element(item, block.block_id, surface, ctx)),
    ),
  image: (block) => el('div', { class: 'block' }, image(block)),
};

/** Renders blocks; `surface.click(element, blockId)` handles buttons. */
export function renderBlocks(blocks, surface, ctx) {
  return (blocks ?? []).map((block) => {
    const render = renderers[block.type];
    return render
      ? render(block, surface, ctx)
      : el(
          'div',
          { class: 'block unsupported' },
          `(a ${block.type} block is not shown in the console)`,
        );
  });
}
