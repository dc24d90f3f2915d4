// /k8s history ns/deployment: the Deployment's revisions from its ReplicaSets, with images,
// change-cause and when each was made.
import { rolloutHistory } from '../cluster/history.js';
import { findObject } from './find.js';
import type { RolloutHistory } from './models.js';
import { requireExistingNamespace, type Target } from './target.js';

export function deploymentHistory(target: Target, namespace: string, name: string): RolloutHistory {
  requireExistingNamespace(target, namespace);
  const deployment = findObject(target.snapshot.deployments(namespace), name, {
    kind: 'deployment',
    where: `in \`${namespace}\``,
  });
  return {
    source: target.source,
    namespace,
    name: deployment.metadata?.name ?? '',
    revisions: rolloutHistory(deployment, target.snapshot.replicaSets(namespace)),
  };
}
