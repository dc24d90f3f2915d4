// /k8s logs ns/pod [container]: the last lines of one container's log, read live from the API server
// (the only thing /k8s does not answer from the cache).
import type { V1Pod } from '@kubernetes/client-node';
import { UserFacingError } from '../errors.js';
import { quoted } from './echo.js';
import { findObject } from './find.js';
import { liveFailure } from './live-errors.js';
import type { PodLogs } from './models.js';
import { requireExistingNamespace, type ClusterSource, type Target } from './target.js';

export const DEFAULT_TAIL = 50;
export const MAX_TAIL = 200;
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export interface LogsQuery {
  namespace: string;
  pod: string;
  container?: string;
  tail: number;
  previous: boolean;
}

export async function podLogs(
  clusters: ClusterSource,
  target: Target,
  query: LogsQuery,
): Promise<PodLogs> {
  const { namespace } = query;
  requireExistingNamespace(target, namespace);
  const pod = findObject(target.snapshot.pods(namespace), query.pod, {
    kind: 'pod',
    where: `in \`${namespace}\``,
  });
  const name = pod.metadata?.name ?? '';
  const containers = containerNames(pod);
  const container = chooseContainer(pod, containers, query.container);
  let text: string;
  try {
    text = await clusters.podLogs(target.view.cluster, namespace, name, {
      container,
      tailLines: query.tail,
      previous: query.previous,
    });
  } catch (error) {
    throw liveFailure(error, {
      cluster: target.view.cluster,
      verb: 'get',
      resource: 'pods/log',
      namespace,
      kind: 'pod',
      name,
    });
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return {
    source: target.source,
    namespace,
    pod: name,
    container,
    containers,
    previous: query.previous,
    tail: query.tail,
    lines: lines.slice(-query.tail),
  };
}

function containerNames(pod: V1Pod): string[] {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.name);
}

function chooseContainer(pod: V1Pod, containers: string[], asked: string | undefined): string {
  if (asked !== undefined) {
    if (containers.includes(asked)) return asked;
    throw new UserFacingError(
      `Pod \`${pod.metadata?.name ?? ''}\` has no container ${quoted(asked)}; its containers: ${containers.join(', ')}.`,
    );
  }
  const preferred = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  return preferred && containers.includes(preferred) ? preferred : (containers[0] ?? '');
}
