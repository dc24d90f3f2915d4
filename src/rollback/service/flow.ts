// Builds the rollback flow's parts from the app's shared pieces, for the composition root (src/main.ts).
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import type { ClusterRegistry } from '../../cluster/registry.js';
import type { AppConfig } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import type { RotationChangeSource } from '../../oncall/rotation-context.js';
import type { TickJob } from '../../scheduler/ticker.js';
import type { SlackPoster } from '../../slack/message.js';
import { RollbackCards } from '../cards.js';
import { RollbackExecutor } from '../executor/executor.js';
import { rolloutFollowJob } from '../executor/follow-job.js';
import { apiPatcher } from '../executor/patcher.js';
import { RollbackStore } from '../store/index.js';
import { RollbackAuditTrail } from './audit-trail.js';
import { rollbackJobs } from './jobs.js';
import { RollbackOffers } from './offers.js';
import { RequestCards } from './request-cards.js';
import { RollbackService } from './rollback-service.js';
import { RunStore } from './runs.js';
import { cachedGroupMembership, type ListUserGroups } from './user-groups.js';
import { apiWorkloadReader } from './workload-reader.js';

export interface RollbackFlowDeps {
  config: AppConfig;
  pool: pg.Pool;
  clusters: ClusterRegistry;
  poster: SlackPoster;
  changes: RotationChangeSource;
  listUserGroups: ListUserGroups;
  clock: Clock;
  logger: Logger;
}

export interface RollbackFlow {
  /** The card API rollout notices use too. */
  cards: RollbackCards;
  offers: RollbackOffers;
  service: RollbackService;
  audit: RollbackAuditTrail;
  jobs: TickJob[];
}

export function createRollbackFlow(deps: RollbackFlowDeps): RollbackFlow {
  const { config, pool, clusters, poster, clock, logger } = deps;
  const policy = config.rollback;
  const store = new RollbackStore(pool);
  const runs = new RunStore(pool);
  const reader = apiWorkloadReader(clusters);
  const cards = new RollbackCards({ pool, reader, policy });
  const groups = cachedGroupMembership(deps.listUserGroups, clock);
  const people = { config, changes: deps.changes, groups, clock };
  const requestCards = new RequestCards({ store, runs, cards, poster, people, policy, logger });
  const executor = new RollbackExecutor({
    store,
    runs,
    reader,
    patcher: apiPatcher(clusters),
    cards: requestCards,
    policy,
    clock,
    logger,
  });
  const service = new RollbackService({
    policy,
    store,
    cards,
    runs,
    reader,
    requestCards,
    executor,
    people,
    clock,
    logger,
  });
  return {
    cards,
    offers: new RollbackOffers({ config, cards, poster, people, clock }),
    service,
    audit: new RollbackAuditTrail({ config, store, clock }),
    jobs: [
      ...rollbackJobs({ store, executor, cards: requestCards }),
      rolloutFollowJob({
        runs,
        store,
        snapshot: (cluster) => clusters.snapshot(cluster),
        cards: requestCards,
        logger,
      }),
    ],
  };
}
