// /k8s events: warnings from the watch cache, or (without --warnings) every recent event read live,
// since the cache keeps only warnings; newest first, only in the namespaces in view.
import type { CoreV1Event } from '@kubernetes/client-node';
import { instant } from '../cluster/instant.js';
import { UserFacingError } from '../errors.js';
import { asSentence, liveFailure } from './live-errors.js';
import type { EventList, EventRow } from './models.js';
import { namespacesFor, type ClusterSource, type Target } from './target.js';

export interface EventQuery {
  namespace?: string;
  warningsOnly: boolean;
}

export async function listEvents(
  clusters: ClusterSource,
  target: Target,
  query: EventQuery,
): Promise<EventList> {
  const { filter, namespaces } = namespacesFor(target, query.namespace);
  if (query.warningsOnly) requireWarningCache(target);
  const events = query.warningsOnly
    ? namespaces
      ? namespaces.flatMap((ns) => target.snapshot.warningEvents(ns))
      : target.snapshot.warningEvents()
    : await readLive(clusters, target.view.cluster, namespaces);
  const rows = events
    .map(eventRow)
    .sort((a, b) => (b.lastSeen?.getTime() ?? 0) - (a.lastSeen?.getTime() ?? 0));
  return { source: target.source, where: filter, warningsOnly: query.warningsOnly, rows };
}

async function readLive(
  clusters: ClusterSource,
  cluster: string,
  namespaces: string[] | undefined,
): Promise<CoreV1Event[]> {
  const { core } = clusters.api(cluster);
  const list = async (namespace?: string) => {
    try {
      const answer = namespace
        ? await core.listNamespacedEvent({ namespace })
        : await core.listEventForAllNamespaces();
      return answer.items;
    } catch (error) {
      throw liveFailure(error, {
        cluster,
        verb: 'list',
        resource: 'events',
        ...(namespace ? { namespace } : {}),
      });
    }
  };
  const lists = namespaces ? await Promise.all(namespaces.map(list)) : [await list()];
  return lists.flat();
}

/** Warning events come from their own watch; an empty list must not hide that it is not working. */
function requireWarningCache(target: Target): void {
  const events = target.source.state.resources.find((r) => r.resource === 'events');
  if (!events || events.synced) return;
  const why = events.lastError ?? `the warning events of ${target.view.cluster} are still loading`;
  throw asSentence(new UserFacingError(why));
}

function eventRow(event: CoreV1Event): EventRow {
  const seen =
    instant(event.lastTimestamp) ??
    instant(event.series?.lastObservedTime) ??
    instant(event.eventTime) ??
    instant(event.firstTimestamp) ??
    instant(event.metadata?.creationTimestamp);
  const object = event.involvedObject;
  return {
    namespace: event.metadata?.namespace ?? object.namespace ?? '',
    type: event.type ?? 'Normal',
    reason: event.reason ?? 'Unknown',
    object: `${object.kind ?? 'Object'}/${object.name ?? ''}`,
    message: event.message ?? '',
    count: event.series?.count ?? event.count ?? 1,
    lastSeen: seen === undefined ? null : new Date(seen),
  };
}
