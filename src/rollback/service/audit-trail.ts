// `/k8s audit`: the rollback audit trail of the clusters and namespaces the channel may see.
import {
  canSeeNamespace,
  chooseCluster,
  requireNamespace,
  scopeForRequest,
} from '../../access/cluster-scope.js';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config/schema.js';
import type { AuditEntry } from '../audit/index.js';
import type { RollbackStore } from '../store/index.js';

export interface AuditQuestion {
  channelId: string;
  userId: string;
  cluster?: string;
  namespace?: string;
  name?: string;
  days: number;
}

export interface AuditAnswer {
  entries: AuditEntry[];
  since: Date;
  /** What was asked about, for the heading: "shop/web" or "every namespace this channel can see". */
  subject: string;
}

/** Most entries read per cluster; the view shows the newest that fit. */
const PER_CLUSTER = 500;

export class RollbackAuditTrail {
  constructor(private readonly deps: { config: AppConfig; store: RollbackStore; clock: Clock }) {}

  async trail(question: AuditQuestion): Promise<AuditAnswer> {
    const scope = scopeForRequest(this.deps.config, question);
    const views =
      question.cluster !== undefined || question.namespace !== undefined
        ? [chooseCluster(scope, question.cluster)]
        : scope.clusters;
    if (question.namespace !== undefined) {
      const [view] = views;
      if (view) requireNamespace(scope, view, question.namespace);
    }
    const since = new Date(this.deps.clock.now().getTime() - question.days * 86_400_000);
    const lists = await Promise.all(
      views.map(async (view) => {
        const entries = await this.deps.store.auditTrail({
          cluster: view.cluster,
          ...(question.namespace !== undefined ? { namespace: question.namespace } : {}),
          ...(question.name !== undefined ? { name: question.name } : {}),
          since,
          limit: PER_CLUSTER,
        });
        return entries.filter((entry) => canSeeNamespace(view, entry.workload.namespace));
      }),
    );
    const entries = lists
      .flat()
      .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.id) - Number(b.id));
    const subject =
      question.namespace !== undefined
        ? `${question.namespace}${question.name !== undefined ? `/${question.name}` : ''}`
        : `every namespace ${scope.viewer} can see`;
    return { entries, since, subject };
  }
}
