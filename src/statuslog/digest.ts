// Gathers what the daily status post and the handoff post say: on-call, cluster health, rollouts and
// rollbacks, log entries and open items, pending requests. Reads only; rendering is elsewhere.
import { scopeForRequest, type ClusterView } from '../access/cluster-scope.js';
import type { Clock } from '../clock.js';
import type { AppConfig, Rotation, Team } from '../config/schema.js';
import type { ClusterQueries } from '../cluster-queries/index.js';
import type { ClusterStatus } from '../cluster-queries/models.js';
import type { ClusterSource } from '../cluster-queries/target.js';
import { isUserFacingError } from '../errors.js';
import { oncallNow, type RotationNow } from '../oncall/oncall-now.js';
import { loadRotationContexts } from '../oncall/rotation-context.js';
import type { CoverRequest, OncallStore, StoredOverride } from '../oncall/store/index.js';
import type { RollbackRequest, RollbackStore } from '../rollback/store/index.js';
import type { HandoffDetails } from '../scheduler/due-events.js';
import type { HandoffNote, HandoffStore } from './handoff-store.js';
import { localDay } from './local-days.js';
import type { LogEntry, LogStore } from './log-store.js';
import { rolloutsBetween, type WindowRollout } from './rollouts-between.js';

const DAY = 86_400_000;

export interface DailyDigest {
  team: Team;
  at: Date;
  oncall: RotationNow[];
  clusters: ClusterStatus[];
  rollouts: WindowRollout[];
  rollbacks: RollbackRequest[];
  pendingRollbacks: RollbackRequest[];
  yesterday: LogEntry[];
  openItems: LogEntry[];
  skippedPosts: number;
}

export interface HandoffDigest {
  team: Team;
  rotation: Rotation;
  details: HandoffDetails;
  window: { from: Date; to: Date };
  rollouts: WindowRollout[];
  degradedNow: ClusterStatus[];
  rollbacks: RollbackRequest[];
  pendingRollbacks: RollbackRequest[];
  openCovers: CoverRequest[];
  openItems: LogEntry[];
  logEntries: LogEntry[];
  overrides: StoredOverride[];
  note: HandoffNote | null;
}

export interface DigestDeps {
  config: AppConfig;
  clock: Clock;
  queries: ClusterQueries;
  clusters: ClusterSource;
  oncallStore: OncallStore;
  rollbacks: RollbackStore;
  logs: LogStore;
  handoffs: HandoffStore;
  skippedSince: (team: string, since: Date) => Promise<number>;
}

export class DigestGatherer {
  constructor(private readonly deps: DigestDeps) {}

  async daily(team: Team, at: Date): Promise<DailyDigest> {
    const zone = team.statusLog?.timezone ?? team.timezone;
    const yesterday = localDay(zone, at, -1);
    const since = new Date(at.getTime() - DAY);
    const contexts = await loadRotationContexts(this.deps.oncallStore, [team], {
      from: new Date(at.getTime() - 60 * DAY),
      to: new Date(at.getTime() + 60 * DAY),
    });
    const views = this.views(team);
    const [rollbacks, pending, entries, openItems, skippedPosts] = await Promise.all([
      this.rollbacksOf(views, since, at),
      this.pendingOf(views),
      this.deps.logs.between(team.name, yesterday.from, yesterday.to),
      this.deps.logs.openItems(team.name),
      this.deps.skippedSince(team.name, new Date(at.getTime() - 7 * DAY)),
    ]);
    return {
      team,
      at,
      oncall: oncallNow(contexts, at).rotations,
      clusters: this.statuses(team),
      rollouts: this.rollouts(views, since, at),
      rollbacks,
      pendingRollbacks: pending,
      yesterday: entries,
      openItems,
      skippedPosts,
    };
  }

  async handoff(
    team: Team,
    rotation: Rotation,
    details: HandoffDetails,
    postKey: string,
  ): Promise<HandoffDigest> {
    const to = details.handoffAt;
    const from = details.outgoingShift?.start ?? new Date(to.getTime() - 7 * DAY);
    const views = this.views(team);
    const now = this.deps.clock.now();
    const [rollbacks, pending, openCovers, openItems, logEntries, overrides, note] =
      await Promise.all([
        this.rollbacksOf(views, from, to),
        this.pendingOf(views),
        this.deps.oncallStore.openCoverRequests([rotation.name], now),
        this.deps.logs.openItems(team.name),
        this.deps.logs.between(team.name, from, to),
        this.deps.oncallStore.overridesFor([rotation.name], from, to),
        this.deps.handoffs.note(postKey),
      ]);
    return {
      team,
      rotation,
      details,
      window: { from, to },
      rollouts: this.rollouts(views, from, to),
      degradedNow: this.statuses(team).filter((s) => !s.health?.healthy),
      rollbacks,
      pendingRollbacks: pending,
      openCovers,
      openItems,
      logEntries,
      overrides,
      note,
    };
  }

  private views(team: Team): ClusterView[] {
    return scopeForRequest(this.deps.config, { channelId: team.channel, userId: '' }).clusters;
  }

  private statuses(team: Team): ClusterStatus[] {
    try {
      return this.deps.queries.status({ channelId: team.channel, userId: '' });
    } catch (error) {
      if (isUserFacingError(error)) return [];
      throw error;
    }
  }

  private rollouts(views: ClusterView[], from: Date, to: Date): WindowRollout[] {
    return views.flatMap((view) => {
      try {
        return rolloutsBetween(this.deps.clusters.snapshot(view.cluster), view, from, to);
      } catch (error) {
        if (isUserFacingError(error)) return [];
        throw error;
      }
    });
  }

  /** Rollbacks carried out in [from, to): a post sent late still describes only its own window. */
  private async rollbacksOf(
    views: ClusterView[],
    from: Date,
    to: Date,
  ): Promise<RollbackRequest[]> {
    const all = await this.deps.rollbacks.recent({ since: from });
    return all.filter(
      (r) =>
        inViews(views, r) &&
        ['succeeded', 'failed', 'executing'].includes(r.state) &&
        (r.startedAt ?? r.requestedAt) < to,
    );
  }

  private async pendingOf(views: ClusterView[]): Promise<RollbackRequest[]> {
    return (await this.deps.rollbacks.openRequests()).filter((r) => inViews(views, r));
  }
}

function inViews(views: ClusterView[], request: RollbackRequest): boolean {
  return views.some(
    (v) =>
      v.cluster === request.workload.cluster &&
      (v.namespaces === 'all' || v.namespaces.includes(request.workload.namespace)),
  );
}
