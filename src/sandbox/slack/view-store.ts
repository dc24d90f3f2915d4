// The fake's views: modals open per user (a stack per root, as views.push makes) and each user's App Home.
import type { BotIdentity } from './workspace.js';

export interface StoredView {
  id: string;
  type: 'modal' | 'home';
  user: string;
  /** The definition as the app last sent it (title, blocks, callback_id, private_metadata, …). */
  view: Record<string, unknown>;
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  externalId?: string;
  updateCount: number;
}

export class ViewStore {
  private readonly views = new Map<string, StoredView>();
  private sequence = 0;

  /** Opens a modal for a user, on top of `previous` when pushed (views.push). */
  open(user: string, view: Record<string, unknown>, previous?: StoredView): StoredView {
    const id = this.nextId();
    const stored: StoredView = {
      id,
      type: 'modal',
      user,
      view,
      hash: this.nextHash(),
      rootViewId: previous?.rootViewId ?? id,
      previousViewId: previous?.id ?? null,
      updateCount: 0,
      ...(typeof view.external_id === 'string' ? { externalId: view.external_id } : {}),
    };
    this.views.set(id, stored);
    return stored;
  }

  update(stored: StoredView, view: Record<string, unknown>): StoredView {
    stored.view = view;
    stored.hash = this.nextHash();
    stored.updateCount += 1;
    if (typeof view.external_id === 'string') stored.externalId = view.external_id;
    return stored;
  }

  /** Replaces the user's App Home (views.publish), keeping its view id. */
  publish(user: string, view: Record<string, unknown>): StoredView {
    const existing = this.home(user);
    if (existing) return this.update(existing, view);
    const id = this.nextId();
    const stored: StoredView = {
      id,
      type: 'home',
      user,
      view,
      hash: this.nextHash(),
      rootViewId: id,
      previousViewId: null,
      updateCount: 0,
    };
    this.views.set(id, stored);
    return stored;
  }

  byId(id: string): StoredView | undefined {
    return this.views.get(id);
  }

  byExternalId(externalId: string): StoredView | undefined {
    return [...this.views.values()].find((view) => view.externalId === externalId);
  }

  home(user: string): StoredView | undefined {
    return [...this.views.values()].find((view) => view.type === 'home' && view.user === user);
  }

  /** The user's open modals, oldest first (the last one is on top). */
  openModals(user: string): StoredView[] {
    return [...this.views.values()].filter((view) => view.type === 'modal' && view.user === user);
  }

  /** Closes one modal (and whatever was pushed on top of it), or every modal of its stack. */
  close(id: string, options: { wholeStack?: boolean } = {}): void {
    const target = this.views.get(id);
    if (!target || target.type !== 'modal') return;
    for (const view of [...this.views.values()]) {
      const sameStack = view.type === 'modal' && view.rootViewId === target.rootViewId;
      if (sameStack && (options.wholeStack || view.id >= target.id)) this.views.delete(view.id);
    }
  }

  clear(): void {
    this.views.clear();
  }

  private nextId(): string {
    this.sequence += 1;
    return `V${String(this.sequence).padStart(9, '0')}`;
  }

  private nextHash(): string {
    this.sequence += 1;
    return `1700000000.${String(this.sequence).padStart(8, '0')}`;
  }
}

/** A stored view as Slack returns it from views.open/update/publish and sends it in payloads. */
export function viewObject(stored: StoredView, bot: BotIdentity): Record<string, unknown> {
  const view = stored.view;
  return {
    id: stored.id,
    team_id: bot.teamId,
    type: stored.type,
    title: view.title ?? null,
    submit: view.submit ?? null,
    close: view.close ?? null,
    blocks: view.blocks ?? [],
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    external_id: stored.externalId ?? '',
    state: { values: {} },
    hash: stored.hash,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    root_view_id: stored.rootViewId,
    previous_view_id: stored.previousViewId,
    app_id: bot.appId,
    app_installed_team_id: bot.teamId,
    bot_id: bot.botId,
  };
}
