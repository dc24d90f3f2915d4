// Draws the page from the console's state: the "you are" picker, the clock, the sidebar, the open
// conversation or App Home, the thread, the modal and the "break something" pickers.
import { renderBlocks } from './blocks.js';
import { shortInstant } from './dates.js';
import { byId, clear, el } from './dom.js';
import { renderMessageList } from './messages.js';
import { renderModal } from './modal.js';

/** Replaces a select's options only when they changed, so an open dropdown is left alone. */
function fillSelect(select, options, selected) {
  const key = JSON.stringify(options);
  if (select.dataset.key !== key) {
    select.dataset.key = key;
    select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  }
  if (selected !== undefined) select.value = selected;
}

function upcomingLabel(what, event, ctx) {
  if (!event) return `${what}: none coming`;
  return `${what} · ${event.name}, ${shortInstant(new Date(event.at), ctx.timeZone)}`;
}

export function renderTopBar(state, ctx) {
  const { members, directory } = state.data;
  fillSelect(
    byId('you-are'),
    members.map((id) => [
      id,
      `${directory.users[id]?.realName ?? id} · ${directory.users[id]?.tz ?? 'UTC'}`,
    ]),
    state.me,
  );
  const now = `${shortInstant(ctx.now, ctx.timeZone)} ${ctx.timeZone}`;
  const ahead = Math.round(state.data.offsetMs / 3_600_000);
  byId('clock-label').textContent = ahead > 0 ? `${now} · ${ahead} h ahead` : now;
  byId('clock-label').title = 'The sandbox clock: real time, plus however far you moved it';
  byId('next-handoff').textContent = upcomingLabel(
    'Next handoff',
    state.data.upcoming.handoff,
    ctx,
  );
  byId('next-daily').textContent = upcomingLabel('Next daily post', state.data.upcoming.daily, ctx);
}

/** How many messages of a channel arrived since the reader last had it open. */
function unread(state, channel) {
  if (channel.id === state.place) {
    state.seen[channel.id] = channel.messages.at(-1)?.ts ?? '0';
    return 0;
  }
  const seen = Number(state.seen[channel.id] ?? '0');
  return channel.messages.filter((message) => Number(message.ts) > seen).length;
}

export function renderSidebar(state, go) {
  const item = (place, label, kind, count = 0) =>
    el(
      'li',
      {},
      el(
        'button',
        {
          type: 'button',
          class: `place${state.place === place ? ' active' : ''}${count > 0 ? ' unread' : ''}`,
          'data-place': place,
          onclick: () => go(place),
        },
        el('span', { class: 'sigil' }, kind),
        label,
        count > 0 ? el('span', { class: 'count' }, String(count)) : null,
      ),
    );
  const channels = state.data.channels.filter((channel) => !channel.isDirect);
  const direct = state.data.channels.find((channel) => channel.isDirect);
  clear(byId('channel-list')).append(
    ...channels.map((channel) => item(channel.id, channel.name, '#', unread(state, channel))),
  );
  clear(byId('app-list')).append(
    item('home', 'Watchkeeper · Home', '⌂'),
    direct ? item(direct.id, 'Watchkeeper · Messages', '✉', unread(state, direct)) : '',
  );
}

function topLevel(message) {
  return !message.threadTs || message.threadTs === message.ts;
}

export function renderConversation(state, ctx, handlers) {
  const home = state.place === 'home';
  byId('composer').hidden = home;
  const list = byId('messages');
  if (home) {
    byId('conversation-title').textContent = 'Watchkeeper · Home';
    const view = state.data.home;
    const surface = { click: (element, blockId) => handlers.clickInView(element, blockId, view) };
    list.replaceChildren(
      view
        ? el('div', { class: 'home' }, renderBlocks(view.view.blocks, surface, ctx))
        : el('p', { class: 'empty' }, 'Opening the App Home…'),
    );
    return;
  }
  const channel = state.data.channels.find((c) => c.id === state.place);
  if (!channel) return;
  byId('conversation-title').textContent = channel.isDirect
    ? 'Watchkeeper · Messages'
    : `#${channel.name}`;
  byId('message-box').placeholder =
    `Message ${channel.isDirect ? 'Watchkeeper' : `#${channel.name}`}, or a command: ${state.data.commands.join(', ')}`;
  renderMessageList(
    list,
    channel.messages.filter(topLevel),
    ctx,
    handlers,
    'No messages yet. Try /oncall or /k8s status.',
  );
}

export function renderThread(state, ctx, handlers) {
  const pane = byId('thread');
  const channel = state.data.channels.find((c) => c.id === state.place);
  const parent = channel?.messages.find((m) => m.ts === state.thread);
  pane.hidden = !parent;
  if (!parent) return;
  const replies = channel.messages.filter((m) => m.threadTs === parent.ts && m.ts !== parent.ts);
  renderMessageList(
    byId('thread-messages'),
    [parent, ...replies],
    ctx,
    { click: handlers.click },
    '',
  );
}

/** Draws the open modal, only when it changed (so typed values survive live updates). */
export function renderModalLayer(state, ctx, handlers) {
  const root = byId('modal-root');
  const modal = state.data.modal;
  const key = modal ? JSON.stringify(modal) : '';
  if (root.dataset.key === key) return;
  root.dataset.key = key;
  root.hidden = !modal;
  clear(root);
  if (modal) root.append(renderModal(modal, ctx, handlers));
}

export function renderBreakControls(state) {
  const targets = state.data.targets;
  const cluster = byId('break-cluster');
  fillSelect(
    cluster,
    targets.map((t) => [t.cluster, t.cluster]),
  );
  const deployments = targets.find((t) => t.cluster === cluster.value)?.deployments ?? [];
  fillSelect(
    byId('break-target'),
    deployments.map((d) => [d, d]),
  );
}
