// A modal as a form: its input blocks become fields, other blocks render as in messages; submitting
// collects `state.values` as Slack does and shows the app's field errors under their blocks.
import { renderBlocks } from './blocks.js';
import { el } from './dom.js';
import { emojiText, plain } from './mrkdwn.js';

function optionLabel(option) {
  return emojiText(option.text?.text ?? option.value);
}

function select(element, choices, initial) {
  const placeholder = element.placeholder?.text ?? 'Choose…';
  return el(
    'select',
    { 'data-type': element.type },
    el('option', { value: '' }, placeholder),
    choices.map(([value, label]) => el('option', { value, selected: value === initial }, label)),
  );
}

function allOptions(element) {
  return [
    ...(element.options ?? []),
    ...(element.option_groups ?? []).flatMap((group) => group.options ?? []),
  ];
}

function staticOptions(element) {
  return allOptions(element).map((option) => [option.value, optionLabel(option)]);
}

/** The form control for an input block's element. */
function control(element, ctx) {
  const { users, channels, botUserId } = ctx.directory;
  switch (element.type) {
    case 'plain_text_input': {
      const props = {
        'data-type': element.type,
        placeholder: element.placeholder?.text,
        maxlength: element.max_length,
      };
      if (element.multiline) return el('textarea', props, element.initial_value ?? '');
      return el('input', { ...props, type: 'text', value: element.initial_value ?? '' });
    }
    case 'number_input':
      return el('input', {
        'data-type': element.type,
        type: 'number',
        value: element.initial_value ?? '',
      });
    case 'static_select':
      return select(element, staticOptions(element), element.initial_option?.value);
    case 'users_select': {
      const people = Object.entries(users).filter(([id]) => id !== botUserId);
      return select(
        element,
        people.map(([id, user]) => [id, `${user.realName} (@${user.name})`]),
        element.initial_user,
      );
    }
    case 'channels_select':
    case 'conversations_select':
      return select(
        element,
        Object.entries(channels).map(([id, name]) => [id, `#${name}`]),
        element.initial_channel ?? element.initial_conversation,
      );
    case 'datepicker':
      return el('input', {
        'data-type': element.type,
        type: 'date',
        value: element.initial_date ?? '',
      });
    case 'timepicker':
      return el('input', {
        'data-type': element.type,
        type: 'time',
        value: element.initial_time ?? '',
      });
    default:
      return el(
        'span',
        { class: 'unsupported', 'data-type': 'unsupported' },
        `(${element.type} is not shown in the console)`,
      );
  }
}

/** What Slack puts in `state.values` for a control, or null when it is empty. */
function stateValue(element, node) {
  const value = node.value ?? '';
  const empty = value === '';
  switch (element.type) {
    case 'plain_text_input':
    case 'number_input':
      return { type: element.type, value: empty ? null : value };
    case 'static_select': {
      const option = allOptions(element).find((o) => o.value === value);
      return { type: element.type, selected_option: option ?? null };
    }
    case 'users_select':
      return { type: element.type, selected_user: empty ? null : value };
    case 'channels_select':
      return { type: element.type, selected_channel: empty ? null : value };
    case 'conversations_select':
      return { type: element.type, selected_conversation: empty ? null : value };
    case 'datepicker':
      return { type: element.type, selected_date: empty ? null : value };
    case 'timepicker':
      return { type: element.type, selected_time: empty ? null : value };
    default:
      return null;
  }
}

function isEmpty(state) {
  return !state || Object.entries(state).every(([key, value]) => key === 'type' || value === null);
}

/**
 * The modal `{ id, view }` as an overlay; `handlers.submit(values)` resolves `{ errors }` or `{}`,
 * `handlers.close()` closes it, `handlers.click(element, blockId)` sends a button's action.
 */
export function renderModal(modal, ctx, handlers) {
  const { view } = modal;
  const fields = [];
  const blocks = (view.blocks ?? []).map((block, index) => {
    if (block.type !== 'input') return renderBlocks([block], handlers, ctx);
    const blockId = block.block_id ?? `block_${index}`;
    const node = control(block.element ?? {}, ctx);
    const error = el('div', { class: 'field-error', role: 'alert' });
    fields.push({ block, blockId, node, error });
    return el(
      'label',
      { class: 'field', 'data-block-id': blockId },
      el(
        'span',
        { class: 'field-label' },
        plain(block.label?.text),
        block.optional ? el('small', {}, ' (optional)') : null,
      ),
      node,
      block.hint ? el('small', { class: 'hint' }, plain(block.hint.text)) : null,
      error,
    );
  });
  const submit = async (event) => {
    event.preventDefault();
    const values = {};
    let missing = false;
    for (const { block, blockId, node, error } of fields) {
      const element = block.element ?? {};
      const state = stateValue(element, node);
      error.textContent = '';
      if (!block.optional && isEmpty(state)) {
        error.textContent = 'Please fill out this field.';
        missing = true;
      }
      if (state) values[blockId] = { [element.action_id ?? `action_${blockId}`]: state };
    }
    if (missing) return;
    const answer = await handlers.submit(values);
    for (const { blockId, error } of fields) error.textContent = answer.errors?.[blockId] ?? '';
  };
  return el(
    'form',
    {
      class: 'modal',
      role: 'dialog',
      'aria-modal': 'true',
      'data-view-id': modal.id,
      onsubmit: submit,
    },
    el('header', {}, el('h2', {}, plain(view.title?.text ?? ''))),
    el('div', { class: 'modal-body' }, blocks),
    el(
      'footer',
      {},
      el(
        'button',
        { type: 'button', class: 'btn btn-default', onclick: () => handlers.close() },
        plain(view.close?.text ?? 'Cancel'),
      ),
      view.submit
        ? el('button', { type: 'submit', class: 'btn btn-primary' }, plain(view.submit.text))
        : null,
    ),
  );
}
