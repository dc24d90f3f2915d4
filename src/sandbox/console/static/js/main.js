// The console page: who you are, where you are, live updates from the sandbox, and what your typing
// and clicking send (always through the console server, which signs them as Slack would).
/* global document, EventSource, localStorage, setInterval, setTimeout, window */
import { fetchState, post } from './api.js';
import { confirmDialog, toast } from './dialogs.js';
import { byId } from './dom.js';
import { stickToBottom } from './messages.js';
import {
  renderBreakControls,
  renderConversation,
  renderModalLayer,
  renderSidebar,
  renderThread,
  renderTopBar,
} from './page.js';

const state = {
  me: localStorage.getItem('watchkeeper.me') ?? '',
  place: localStorage.getItem('watchkeeper.place') ?? '',
  thread: null,
  /** The newest message ts seen per channel, for unread counts. */
  seen: {},
  data: null,
  fetchedAt: 0,
};

/** The reader's context for rendering: names, their time zone, and the sandbox's now. */
function context() {
  const { data } = state;
  return {
    directory: data.directory,
    timeZone: data.directory.users[state.me]?.tz ?? 'UTC',
    now: new Date(Date.parse(data.now) + (Date.now() - state.fetchedAt)),
  };
}

async function openLink(element) {
  if (element.url && /^https?:/.test(element.url)) window.open(element.url, '_blank', 'noopener');
}

async function click(element, blockId, where) {
  if (element.confirm && !(await confirmDialog(element.confirm, context()))) return;
  await openLink(element);
  await post('/api/click', {
    user: state.me,
    actionId: element.action_id,
    ...(blockId ? { blockId } : {}),
    ...(element.value !== undefined ? { value: element.value } : {}),
    ...where,
  });
}

const handlers = {
  click: (element, blockId, message) =>
    click(element, blockId, { channel: state.place, ts: message.ts, ephemeral: message.ephemeral }),
  clickInView: (element, blockId, view) => click(element, blockId, { viewId: view.id }),
  openThread: (message) => {
    state.thread = message.ts;
    stickToBottom(byId('thread-messages'));
    render();
    byId('thread-box').focus();
  },
};

const modalHandlers = {
  click: (element, blockId) => click(element, blockId, { viewId: state.data.modal.id }),
  submit: async (values) => {
    const answer = await post('/api/submit', {
      user: state.me,
      viewId: state.data.modal.id,
      values,
    });
    return answer.failed ? {} : answer;
  },
  close: () => post('/api/close-view', { user: state.me, viewId: state.data.modal.id }),
};

function render() {
  if (!state.data) return;
  const ctx = context();
  const channelIds = state.data.channels.map((channel) => channel.id);
  if (state.place !== 'home' && !channelIds.includes(state.place)) {
    const direct = state.data.channels.find((channel) => channel.isDirect);
    state.place = state.place.startsWith('D') && direct ? direct.id : (channelIds[0] ?? 'home');
  }
  renderTopBar(state, ctx);
  renderSidebar(state, go);
  renderConversation(state, ctx, handlers);
  renderThread(state, ctx, handlers);
  renderModalLayer(state, ctx, modalHandlers);
  renderBreakControls(state);
}

let requested = 0;

/** Fetches the state and draws it; an answer overtaken by a newer request is dropped. */
async function refresh() {
  const ticket = ++requested;
  try {
    const data = await fetchState(state.me);
    if (ticket !== requested) return;
    state.data = data;
    state.fetchedAt = Date.now();
    state.me = data.me;
    render();
    document.body.dataset.ready = 'true';
  } catch (error) {
    toast(`The sandbox is not answering (${error.message}).`, 'error');
  }
}

let pending;
function refreshSoon() {
  pending ??= setTimeout(() => {
    pending = undefined;
    void refresh();
  }, 40);
}

async function go(place) {
  state.place = place;
  state.thread = null;
  stickToBottom(byId('messages'));
  localStorage.setItem('watchkeeper.place', place);
  render();
  if (place === 'home') await post('/api/home', { user: state.me });
}

async function send(box, threadTs) {
  const text = box.value;
  if (text.trim() === '') return;
  stickToBottom(byId(threadTs ? 'thread-messages' : 'messages'));
  const answer = await post('/api/send', {
    user: state.me,
    channel: state.place,
    text,
    ...(threadTs ? { threadTs } : {}),
  });
  if (!answer.failed) box.value = '';
}

function composer(formId, boxId, threadTs) {
  const box = byId(boxId);
  byId(formId).addEventListener('submit', (event) => {
    event.preventDefault();
    void send(box, threadTs());
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send(box, threadTs());
    }
  });
}

function wire() {
  composer('composer', 'message-box', () => undefined);
  composer('thread-composer', 'thread-box', () => state.thread);
  byId('close-thread').addEventListener('click', () => {
    state.thread = null;
    render();
  });
  byId('you-are').addEventListener('change', (event) => {
    state.me = event.target.value;
    localStorage.setItem('watchkeeper.me', state.me);
    state.thread = null;
    void refresh().then(() => state.place === 'home' && post('/api/home', { user: state.me }));
  });
  for (const [id, move] of [
    ['plus-hour', 'hour'],
    ['next-handoff', 'handoff'],
    ['next-daily', 'daily'],
  ]) {
    byId(id).addEventListener('click', () => post('/api/clock', { move }));
  }
  byId('break-cluster').addEventListener('change', () => render());
  for (const [id, what] of [
    ['break-crash', 'crash'],
    ['break-release', 'release'],
    ['break-node', 'node'],
  ]) {
    byId(id).addEventListener('click', () =>
      post('/api/break', {
        cluster: byId('break-cluster').value,
        what,
        target: byId('break-target').value,
      }),
    );
  }
  new EventSource('/api/events').addEventListener('message', refreshSoon);
  setInterval(render, 30_000);
}

wire();
void refresh();
