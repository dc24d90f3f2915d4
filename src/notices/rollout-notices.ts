// The rollout notices job: each tick reads the watch caches, opens one message per new revision (claimed by a
// unique insert), updates it in place as the rollout moves on, threads a failure's details once, and keeps
// silenced workloads quiet. The decisions are in advance.ts and classify.ts; this file only does the I/O.
import type { Notice } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { RollbackRequest, WorkloadFilter } from '../rollback/store/index.js';
import type { TickJob } from '../scheduler/ticker.js';
import type { SlackPoster } from '../slack/message.js';
import { advanceView, openingView, opensNotice, type Sighting } from './advance.js';
import { offerRollback, type NoticeRollbackCards } from './cards.js';
import { ROLLBACK_MATCH_MS, rollbackBehind } from './made-by-rollback.js';
import { DEFAULT_CRASH_RESTARTS, DEFAULT_GRACE_MS } from './classify.js';
import { observeClusters, type RoutedRollout } from './observe.js';
import { DEFAULT_SILENCE_MS, noticeMessage } from './render.js';
import { DEFAULT_FRESH_MS, type ObservedRollout } from './rollout.js';
import type { NoticeStore, StoredNotice } from './store.js';
import { postFailureThread, type ThreadClusters } from './thread.js';
import { noticeKeyText, workloadKey, type NoticeSilence, type NoticeView } from './types.js';

/** How many of a workload's newest notices an ended silence is removed from. */
const RECENT_NOTICES = 5;

export interface NoticeOptions {
  freshMs: number;
  graceMs: number;
  crashRestarts: number;
  silenceMs: number;
  /** How long a claim or a thread claim may stay unfinished before another replica takes it over. */
  leaseMs: number;
  /** Claims of one notice before its post is given up. */
  maxClaims: number;
}

export const DEFAULT_NOTICE_OPTIONS: NoticeOptions = {
  freshMs: DEFAULT_FRESH_MS,
  graceMs: DEFAULT_GRACE_MS,
  crashRestarts: DEFAULT_CRASH_RESTARTS,
  silenceMs: DEFAULT_SILENCE_MS,
  leaseMs: 60_000,
  maxClaims: 5,
};

export interface RolloutNoticesDeps {
  notices: readonly Notice[];
  clusters: ThreadClusters;
  store: NoticeStore;
  poster: SlackPoster;
  /** The rollback flow's cards; without them notices carry no Roll back button. */
  cards?: NoticeRollbackCards;
  /** Recent rollback requests, to recognise a revision the bot itself rolled back to. */
  rollbacks?: { recent(filter: WorkloadFilter & { since: Date }): Promise<RollbackRequest[]> };
  logger: Logger;
  options?: Partial<NoticeOptions>;
}

export class RolloutNotices {
  private readonly options: NoticeOptions;

  constructor(private readonly deps: RolloutNoticesDeps) {
    this.options = { ...DEFAULT_NOTICE_OPTIONS, ...deps.options };
  }

  tickJob(): TickJob {
    return { name: 'rollout-notices', run: (now) => this.run(now) };
  }

  async run(now: Date): Promise<void> {
    if (this.deps.notices.length === 0) return;
    const { store, logger } = this.deps;
    await this.endSilences(now);
    const observation = observeClusters(
      this.deps.notices,
      this.deps.clusters,
      { ...this.options, now },
      logger,
    );
    const silences = new Map(
      (await store.activeSilences(now)).map((silence) => [workloadKey(silence), silence]),
    );
    const candidates = observation.rollouts.filter(({ rollout }) => opensNotice(rollout, false));
    const known = await store.relevant(candidates.map(({ rollout }) => rollout.key));
    const byKey = new Map(known.map((notice) => [noticeKeyText(notice.key), notice]));
    for (const routed of candidates) {
      const { key } = routed.rollout;
      const silence = silences.get(workloadKey(key)) ?? null;
      if (byKey.has(noticeKeyText(key)) || !opensNotice(routed.rollout, silence !== null)) continue;
      await this.guarded(noticeKeyText(key), () => this.open(routed, now));
    }
    for (const notice of known) {
      const silence = silences.get(workloadKey(notice.key)) ?? null;
      const sighting = observation.sighting(notice.key);
      await this.guarded(noticeKeyText(notice.key), () =>
        notice.ts === null
          ? this.retake(notice, sighting, silence, now)
          : this.follow({ ...notice, ts: notice.ts }, sighting, silence, now),
      );
    }
  }

  /** Once a silence has run out, the notices that showed it are re-rendered without it, then it is forgotten. */
  private async endSilences(now: Date): Promise<void> {
    const { store } = this.deps;
    for (const silence of await store.expiredSilences(now)) {
      await this.guarded(workloadKey(silence), async () => {
        for (const notice of await store.recentOf(silence, RECENT_NOTICES)) {
          if (notice.ts !== null)
            await this.rerender({ ...notice, ts: notice.ts }, notice.view, null, now);
        }
        await store.forgetSilence(silence);
      });
    }
  }

  /** Claims a new notice and posts it, with its Roll back card; two replicas get one claim between them. */
  private async open({ rollout, channel }: RoutedRollout, now: Date): Promise<void> {
    const claimed = await this.deps.store.claim(channel, openingView(rollout, now), now);
    if (claimed) await this.post(claimed, claimed.attempts, rollout, null, now);
  }

  /** A claim whose post never happened (a crash, a Slack error) is taken over once its lease ran out. */
  private async retake(
    notice: StoredNotice,
    sighting: Sighting | undefined,
    silence: NoticeSilence | null,
    now: Date,
  ): Promise<void> {
    if (notice.attempts >= this.options.maxClaims) return;
    const attempts = await this.deps.store.takeOver(notice, now, this.options.leaseMs);
    if (attempts === null) return;
    const view = sighting ? advanceView(notice.view, sighting, now) : notice.view;
    const rollout = sighting?.kind === 'same' ? sighting.rollout : undefined;
    await this.post({ ...notice, view }, attempts, rollout, silence, now);
  }

  private async post(
    notice: StoredNotice,
    attempts: number,
    rollout: ObservedRollout | undefined,
    silence: NoticeSilence | null,
    now: Date,
  ): Promise<void> {
    const { store, poster, logger } = this.deps;
    let view = notice.view;
    if (view.rollback === null && !view.madeBy && rollout) {
      const madeBy = await this.madeBy(view, now);
      const rollback = madeBy
        ? null
        : await offerRollback(this.deps.cards, rollout, notice.channel, { now, logger });
      view = { ...view, madeBy, rollback };
      if (!(await store.keepView(notice.id, attempts, view))) return;
    }
    const { message, digest } = noticeMessage(notice.id, view, silence, this.options.silenceMs);
    let ts: string;
    try {
      ({ ts } = await poster.post(notice.channel, message));
    } catch (error) {
      await store.release(notice.id, attempts, new Date(now.getTime() - this.options.leaseMs));
      throw error;
    }
    await store.posted(notice.id, attempts, { ts, view, digest }, now);
    logger.info({ notice: noticeKeyText(notice.key), state: view.state }, 'rollout notice posted');
    if (rollout) await this.thread({ ...notice, view, ts, digest }, rollout, silence, now);
  }

  /** The Watchkeeper rollback this notice's revision is, if it is one. */
  private async madeBy(view: NoticeView, now: Date) {
    if (!this.deps.rollbacks) return null;
    const recent = await this.deps.rollbacks.recent({
      cluster: view.cluster,
      namespace: view.namespace,
      name: view.workload,
      since: new Date(now.getTime() - 2 * ROLLBACK_MATCH_MS),
    });
    return rollbackBehind(recent, view, view.previousRevision, now);
  }

  /** Updates a posted notice in place when its rendering changed; one replica wins each change. */
  private async follow(
    notice: StoredNotice & { ts: string },
    sighting: Sighting | undefined,
    silence: NoticeSilence | null,
    now: Date,
  ): Promise<void> {
    const { store, poster } = this.deps;
    const view = sighting ? advanceView(notice.view, sighting, now) : notice.view;
    const { message, digest } = noticeMessage(notice.id, view, silence, this.options.silenceMs);
    if (
      digest !== notice.digest &&
      (await store.swapRendered(notice.id, notice.digest, { view, digest }, now))
    ) {
      try {
        await poster.update(notice.channel, notice.ts, message);
      } catch (error) {
        await store.restoreDigest(notice.id, digest, notice.digest);
        throw error;
      }
    }
    if (sighting?.kind === 'same')
      await this.thread({ ...notice, view }, sighting.rollout, silence, now);
  }

  /** Sends a changed rendering with chat.update; of several replicas, the one that swaps the digest first. */
  private async rerender(
    notice: StoredNotice & { ts: string },
    view: NoticeView,
    silence: NoticeSilence | null,
    now: Date,
  ): Promise<void> {
    const { store, poster } = this.deps;
    const { message, digest } = noticeMessage(notice.id, view, silence, this.options.silenceMs);
    if (digest === notice.digest) return;
    if (!(await store.swapRendered(notice.id, notice.digest, { view, digest }, now))) return;
    try {
      await poster.update(notice.channel, notice.ts, message);
    } catch (error) {
      await store.restoreDigest(notice.id, digest, notice.digest);
      throw error;
    }
  }

  /** Posts a failing notice's details in its thread, once, unless the workload is silenced. */
  private async thread(
    notice: StoredNotice & { view: NoticeView; ts: string },
    rollout: ObservedRollout,
    silence: NoticeSilence | null,
    now: Date,
  ): Promise<void> {
    if (notice.view.state !== 'failing' || notice.threadTs !== null || silence) return;
    const { store } = this.deps;
    if (!(await store.claimThread(notice.id, now, this.options.leaseMs))) return;
    try {
      const ts = await postFailureThread(
        this.deps,
        { channel: notice.channel, ts: notice.ts },
        rollout,
        { now, graceMs: this.options.graceMs },
      );
      await store.threadPosted(notice.id, ts);
    } catch (error) {
      await store.releaseThread(notice.id);
      throw error;
    }
  }

  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error(
        { err: error, notice: what },
        'rollout notice failed; the next tick tries again',
      );
    }
  }
}
