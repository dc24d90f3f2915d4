// Slack's confirm dialog for buttons that ask "are you sure?", and the toast that reports what happened.
/* global setTimeout, clearTimeout */
import { byId, clear, el } from './dom.js';
import { textObject } from './blocks.js';
import { plain } from './mrkdwn.js';

/** Shows the button's `confirm` object; resolves true when the person confirms. */
export function confirmDialog(confirm, ctx) {
  const root = byId('confirm-root');
  return new Promise((resolve) => {
    const close = (answer) => {
      clear(root).hidden = true;
      resolve(answer);
    };
    const danger = confirm.style === 'danger' ? 'btn-danger' : 'btn-primary';
    clear(root).append(
      el(
        'div',
        { class: 'dialog', role: 'alertdialog', 'aria-modal': 'true' },
        el('h2', {}, plain(confirm.title?.text ?? 'Are you sure?')),
        el('div', { class: 'dialog-body' }, textObject(confirm.text, ctx)),
        el(
          'div',
          { class: 'dialog-buttons' },
          el(
            'button',
            { type: 'button', class: 'btn btn-default', onclick: () => close(false) },
            plain(confirm.deny?.text ?? 'Cancel'),
          ),
          el(
            'button',
            { type: 'button', class: `btn ${danger}`, onclick: () => close(true) },
            plain(confirm.confirm?.text ?? 'Yes'),
          ),
        ),
      ),
    );
    root.hidden = false;
  });
}

let toastTimer;

/** A short sentence at the bottom of the page; `kind` is 'info' or 'error'. */
export function toast(text, kind = 'info') {
  const node = byId('toast');
  node.textContent = text;
  node.className = `toast toast-${kind}`;
  node.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    node.hidden = true;
  }, 6000);
}
