// The deployment controller: one ReplicaSet per distinct pod template, revisions that move on (an old
// ReplicaSet brought back gets max+1), rolling scale-up/scale-down, history trimmed to revisionHistoryLimit.
import { deepEqual } from '../patch/json.js';
import { resourceTypeForKind } from '../resources.js';
import { deploymentStatus, REVISION, revisionOf } from './deployment-status.js';
import { POD_TEMPLATE_HASH, templateHash, templatesEqual } from './hash.js';
import { controllerRef, isControlledBy } from './owners.js';
import { REPLICA_SET, type ReplicaSetController } from './replicaset.js';
import type { EventRecorder } from './events.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { StringMap, Workload } from '../types.js';

export const DEPLOYMENT = resourceTypeForKind('Deployment');

const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function resolve(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const percent = typeof value === 'string' ? Number.parseInt(value, 10) : 25;
  const exact = (total * percent) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function rollingLimits(deployment: Workload): { maxSurge: number; maxUnavailable: number } {
  const desired = deployment.spec.replicas ?? 1;
  const strategy = deployment.spec.strategy as
    { type?: string; rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } } | undefined;
  if (strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: desired };
  const maxSurge = resolve(strategy?.rollingUpdate?.maxSurge ?? '25%', desired, true);
  const maxUnavailable = resolve(strategy?.rollingUpdate?.maxUnavailable ?? '25%', desired, false);
  return { maxSurge, maxUnavailable: maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

function copiedAnnotations(deployment: Workload): StringMap {
  return Object.fromEntries(
    Object.entries(deployment.metadata.annotations ?? {}).filter(
      ([key]) => !SKIPPED_ANNOTATIONS.has(key),
    ),
  );
}

const replicas = (rs: Workload) => rs.spec.replicas ?? 0;
const available = (rs: Workload) =>
  typeof rs.status?.availableReplicas === 'number' ? rs.status.availableReplicas : 0;

export class DeploymentController {
  constructor(
    private readonly registry: Registry,
    private readonly replicaSets: ReplicaSetController,
    private readonly events: EventRecorder,
    private readonly clock: Clock,
  ) {}

  replicaSetsOf(deployment: Workload): Workload[] {
    return this.registry.store
      .dependents(deployment.metadata.uid)
      .filter((d) => d.type === REPLICA_SET && isControlledBy(d.object, deployment))
      .map((d) => d.object as Workload)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
  }

  sync(deployment: Workload): void {
    let newRS = this.replicaSetsOf(deployment).find((rs) =>
      templatesEqual(rs.spec.template, deployment.spec.template),
    );
    let newRSEvent: 'created' | 'found' | undefined;
    if (!deployment.spec.paused) {
      const maxOld = Math.max(
        0,
        ...this.replicaSetsOf(deployment)
          .filter((rs) => rs !== newRS)
          .map(revisionOf),
      );
      if (!newRS) newRSEvent = 'created';
      else if (revisionOf(newRS) <= maxOld) newRSEvent = 'found';
      newRS = this.ensureNewReplicaSet(deployment, newRS, maxOld + 1);
      this.rollout(deployment, newRS);
    }
    const allRS = this.replicaSetsOf(deployment);
    newRS = allRS.find((rs) => rs.metadata.uid === newRS?.metadata.uid);
    const current = this.registry.require<Workload>(
      DEPLOYMENT,
      deployment.metadata.namespace ?? '',
      deployment.metadata.name,
    );
    const status = deploymentStatus({
      deployment: current,
      newRS,
      allRS,
      maxUnavailable: rollingLimits(current).maxUnavailable,
      newRSEvent,
      now: this.clock.now(),
    });
    const complete =
      status.updatedReplicas === (current.spec.replicas ?? 1) &&
      status.replicas === status.updatedReplicas;
    if (complete || current.spec.paused)
      this.trimHistory(
        current,
        allRS.filter((rs) => rs !== newRS),
      );
    const annotations = newRS
      ? { ...current.metadata.annotations, [REVISION]: String(revisionOf(newRS)) }
      : current.metadata.annotations;
    if (deepEqual(status, current.status) && deepEqual(annotations, current.metadata.annotations))
      return;
    this.registry.update(DEPLOYMENT, {
      ...current,
      metadata: { ...current.metadata, ...(annotations ? { annotations } : {}) },
      status,
    });
  }

  private ensureNewReplicaSet(
    deployment: Workload,
    existing: Workload | undefined,
    nextRevision: number,
  ): Workload {
    const desired = deployment.spec.replicas ?? 1;
    const replicaAnnotations = {
      'deployment.kubernetes.io/desired-replicas': String(desired),
      'deployment.kubernetes.io/max-replicas': String(desired + rollingLimits(deployment).maxSurge),
    };
    if (existing) {
      const previousRevision = revisionOf(existing);
      const annotations: StringMap = {
        ...existing.metadata.annotations,
        ...copiedAnnotations(deployment),
        ...replicaAnnotations,
      };
      if (previousRevision < nextRevision) {
        annotations[REVISION] = String(nextRevision);
        const history = existing.metadata.annotations?.[REVISION_HISTORY];
        annotations[REVISION_HISTORY] = history
          ? `${history},${previousRevision}`
          : String(previousRevision);
      }
      if (deepEqual(annotations, existing.metadata.annotations)) return existing;
      return this.registry.update(REPLICA_SET, {
        ...existing,
        metadata: { ...existing.metadata, annotations },
      });
    }
    const hash = templateHash(deployment.spec.template);
    const template = structuredClone(deployment.spec.template);
    template.metadata.labels = { ...template.metadata.labels, [POD_TEMPLATE_HASH]: hash };
    return this.registry.create<Workload>(REPLICA_SET, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${deployment.metadata.name}-${hash}`,
        namespace: deployment.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: template.metadata.labels,
        annotations: {
          ...copiedAnnotations(deployment),
          ...replicaAnnotations,
          [REVISION]: String(nextRevision),
        },
        ownerReferences: [controllerRef(deployment)],
      },
      spec: {
        replicas: 0,
        ...(deployment.spec.minReadySeconds
          ? { minReadySeconds: deployment.spec.minReadySeconds }
          : {}),
        selector: {
          matchLabels: { ...deployment.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash },
        },
        template,
      },
    });
  }

  /** Rolling update as the real controller does it: surge the new ReplicaSet, then scale old ones
   * down only as far as availability allows. Settles in a few rounds because pods start at once. */
  private rollout(deployment: Workload, newRS: Workload): void {
    const desired = deployment.spec.replicas ?? 1;
    const { maxSurge, maxUnavailable } = rollingLimits(deployment);
    const recreate =
      (deployment.spec.strategy as { type?: string } | undefined)?.type === 'Recreate';
    for (let round = 0; round < 20; round += 1) {
      const all = this.replicaSetsOf(deployment);
      const fresh = all.find((rs) => rs.metadata.uid === newRS.metadata.uid) ?? newRS;
      const old = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid && replicas(rs) > 0);
      const oldTotal = old.reduce((n, rs) => n + replicas(rs), 0);
      let changed = false;
      if (recreate) {
        for (const rs of old) changed = this.scale(deployment, rs, 0) || changed;
        if (oldTotal === 0) changed = this.scale(deployment, fresh, desired) || changed;
      } else {
        const room = desired + maxSurge - (oldTotal + replicas(fresh));
        const target =
          replicas(fresh) > desired
            ? desired
            : Math.min(desired, replicas(fresh) + Math.max(0, room));
        changed = this.scale(deployment, fresh, target) || changed;
        changed =
          this.scaleDownOld(
            deployment,
            this.replicaSetsOf(deployment),
            newRS,
            desired - maxUnavailable,
          ) || changed;
      }
      if (!changed) return;
    }
  }

  private scaleDownOld(
    deployment: Workload,
    all: Workload[],
    newRS: Workload,
    minAvailable: number,
  ): boolean {
    const fresh = all.find((rs) => rs.metadata.uid === newRS.metadata.uid) ?? newRS;
    const old = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid && replicas(rs) > 0);
    const allPods = all.reduce((n, rs) => n + replicas(rs), 0);
    let budget = allPods - minAvailable - (replicas(fresh) - available(fresh));
    let changed = false;
    for (const rs of old) {
      const unhealthy = Math.min(replicas(rs) - available(rs), budget);
      if (unhealthy > 0) {
        changed = this.scale(deployment, rs, replicas(rs) - unhealthy) || changed;
        budget -= unhealthy;
      }
    }
    const availableNow = this.replicaSetsOf(deployment).reduce((n, rs) => n + available(rs), 0);
    let surplus = Math.min(availableNow - minAvailable, budget);
    for (const rs of this.replicaSetsOf(deployment).filter(
      (r) => r.metadata.uid !== newRS.metadata.uid && replicas(r) > 0,
    )) {
      if (surplus <= 0) break;
      const cut = Math.min(replicas(rs), surplus);
      changed = this.scale(deployment, rs, replicas(rs) - cut) || changed;
      surplus -= cut;
    }
    return changed;
  }

  private scale(deployment: Workload, rs: Workload, to: number): boolean {
    const current = this.registry.require<Workload>(
      REPLICA_SET,
      rs.metadata.namespace ?? '',
      rs.metadata.name,
    );
    const from = replicas(current);
    if (from === to) return false;
    const scaled = this.registry.update(REPLICA_SET, {
      ...current,
      spec: { ...current.spec, replicas: to },
    });
    this.events.record(deployment, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      source: { component: 'deployment-controller' },
      message: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`,
    });
    this.replicaSets.sync(scaled);
    return true;
  }

  private trimHistory(deployment: Workload, old: Workload[]): void {
    const limit = deployment.spec.revisionHistoryLimit ?? 10;
    const cleanable = old
      .filter((rs) => replicas(rs) === 0 && !rs.status?.replicas)
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of cleanable.slice(0, Math.max(0, cleanable.length - limit))) {
      this.registry.delete(REPLICA_SET, rs.metadata.namespace ?? '', rs.metadata.name);
    }
  }
}
