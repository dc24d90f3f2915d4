// Messages as Slack shows them: who posted and when, the blocks (or the text), "edited", "Only
// visible to you", and a link to the thread's replies.
import { renderBlocks } from './blocks.js';
import { fullInstant, messageTime } from './dates.js';
import { el } from './dom.js';
import { mrkdwn } from './mrkdwn.js';

const COLOURS = 7;

function avatar(name, isBot) {
  const colour = [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % COLOURS;
  const kind = isBot ? 'avatar-bot' : `avatar-c${colour}`;
  return el('div', { class: `avatar ${kind}` }, isBot ? 'W' : name.charAt(0).toUpperCase());
}

/**
 * One message; `handlers.click(element, blockId, message)` for its buttons and
 * `handlers.openThread(message)` for its replies link.
 */
export function renderMessage(message, ctx, handlers) {
  const user = ctx.directory.users[message.user];
  const name = message.isBot ? 'watchkeeper' : (user?.realName ?? message.user);
  const instant = new Date(Number(message.ts) * 1000);
  const surface = { click: (element, blockId) => handlers.click(element, blockId, message) };
  const body =
    message.blocks.length > 0
      ? renderBlocks(message.blocks, surface, ctx)
      : mrkdwn(message.text, ctx);
  const replies =
    message.replyCount > 0 && handlers.openThread
      ? el(
          'button',
          { type: 'button', class: 'replies', onclick: () => handlers.openThread(message) },
          `${message.replyCount} ${message.replyCount === 1 ? 'reply' : 'replies'}`,
        )
      : null;
  const reply =
    !message.ephemeral && !message.threadTs && handlers.openThread && message.replyCount === 0
      ? el(
          'button',
          { type: 'button', class: 'reply-link', onclick: () => handlers.openThread(message) },
          'Reply in thread',
        )
      : null;
  return el(
    'article',
    {
      class: `message${message.ephemeral ? ' ephemeral' : ''}`,
      'data-ts': message.ts,
      'data-user': message.user,
    },
    avatar(name, message.isBot),
    el(
      'div',
      { class: 'message-main' },
      el(
        'div',
        { class: 'message-meta' },
        el('strong', {}, name),
        message.isBot ? el('span', { class: 'badge' }, 'APP') : null,
        el('time', { title: fullInstant(instant, ctx.timeZone) }, messageTime(instant, ctx)),
        message.edited ? el('span', { class: 'edited' }, '(edited)') : null,
        message.ephemeral ? el('span', { class: 'only-you' }, 'Only visible to you') : null,
      ),
      el('div', { class: 'message-body' }, body),
      replies,
      reply,
    ),
  );
}

function nearBottom(container) {
  return container.scrollHeight - container.scrollTop - container.clientHeight < 40;
}

/** Keeps `container` scrolled to the newest message until the reader scrolls up, and again once they come back down. */
export function stickToBottom(container) {
  container.dataset.stick = 'yes';
  if (container.dataset.watched) return;
  container.dataset.watched = 'yes';
  container.addEventListener('scroll', () => {
    container.dataset.stick = nearBottom(container) ? 'yes' : 'no';
  });
}

/** Renders `messages` into `container`, following the newest one when the reader is at the bottom. */
export function renderMessageList(container, messages, ctx, handlers, empty) {
  if (!container.dataset.watched) stickToBottom(container);
  const follow = container.dataset.stick === 'yes';
  container.replaceChildren(
    ...(messages.length > 0
      ? messages.map((message) => renderMessage(message, ctx, handlers))
      : [el('p', { class: 'empty' }, empty)]),
  );
  if (follow) container.scrollTop = container.scrollHeight;
}
