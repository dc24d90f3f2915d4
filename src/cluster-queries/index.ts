// The read-only /k8s questions for one Slack request: scope first (channel → clusters, namespaces),
// then one answer from the watch cache.
import { scopeForRequest, type RequestScope } from '../access/cluster-scope.js';
import type { RequestOrigin } from '../access/channel-scope.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/schema.js';
import { describe, type DescribeQuery } from './describe.js';
import { listEvents, type EventQuery } from './events.js';
import { deploymentHistory } from './history.js';
import { podLogs, type LogsQuery } from './logs.js';
import type {
  ClusterRow,
  ClusterStatus,
  Description,
  EventList,
  NodeList,
  PodList,
  PodLogs,
  RolloutHistory,
  WorkloadList,
} from './models.js';
import { listNodes } from './nodes.js';
import { listPods, type PodQuery } from './pods.js';
import { clusterRows, clusterStatuses } from './status.js';
import { openTarget, type ClusterSource, type Target } from './target.js';
import { listWorkloads } from './workloads.js';

export type { ClusterSource } from './target.js';

/** Which cluster a request asked for with `--cluster` (undefined: the first bound one). */
export interface Asked extends RequestOrigin {
  cluster?: string;
}

export class ClusterQueries {
  constructor(
    private readonly deps: { config: AppConfig; clusters: ClusterSource; clock: Clock },
  ) {}

  scope(origin: RequestOrigin): RequestScope {
    return scopeForRequest(this.deps.config, origin);
  }

  status(asked: Asked): ClusterStatus[] {
    const { clusters, clock } = this.deps;
    return clusterStatuses(clusters, this.scope(asked), asked.cluster, clock.now());
  }

  clusters(origin: RequestOrigin): { rows: ClusterRow[]; viewer: string } {
    const scope = this.scope(origin);
    return {
      rows: clusterRows(this.deps.clusters, scope, this.deps.clock.now()),
      viewer: scope.viewer,
    };
  }

  pods(asked: Asked, query: PodQuery): PodList {
    return listPods(this.target(asked), query);
  }

  workloads(asked: Asked, namespace: string | undefined): WorkloadList {
    return listWorkloads(this.target(asked), namespace);
  }

  nodes(asked: Asked): NodeList {
    return listNodes(this.target(asked));
  }

  events(asked: Asked, query: EventQuery): Promise<EventList> {
    return listEvents(this.deps.clusters, this.target(asked), query);
  }

  describe(asked: Asked, query: DescribeQuery): Description {
    return describe(this.target(asked), query);
  }

  logs(asked: Asked, query: LogsQuery): Promise<PodLogs> {
    return podLogs(this.deps.clusters, this.target(asked), query);
  }

  history(asked: Asked, namespace: string, name: string): RolloutHistory {
    return deploymentHistory(this.target(asked), namespace, name);
  }

  private target(asked: Asked): Target {
    return openTarget(this.deps.clusters, this.scope(asked), asked.cluster, this.deps.clock.now());
  }
}
