// Which clusters and namespaces a Slack request may see: the bindings of the channel's teams (or, in a
// DM, the user's teams). Refusals never reveal whether the cluster or namespace asked for exists.
import type { AppConfig, Team } from '../config/schema.js';
import { UserFacingError } from '../errors.js';
import { isDirectMessage, teamsForRequest, type RequestOrigin } from './channel-scope.js';

/** One cluster a request may see, and its namespaces ('all' when the binding names none). */
export interface ClusterView {
  cluster: string;
  namespaces: readonly string[] | 'all';
}

export interface RequestScope {
  /** Bound clusters in the order app.yaml first binds them; the first is the default. */
  clusters: ClusterView[];
  /** How refusals name the viewer: "this channel" or "you" (in a DM). */
  viewer: 'this channel' | 'you';
}

/** Merges the bindings of several teams: a cluster seen with all namespaces by one team stays all. */
export function mergeBindings(teams: readonly Pick<Team, 'clusters'>[]): ClusterView[] {
  const merged = new Map<string, Set<string> | 'all'>();
  for (const binding of teams.flatMap((team) => team.clusters)) {
    const known = merged.get(binding.cluster);
    if (known === 'all') continue;
    if (binding.namespaces === undefined) merged.set(binding.cluster, 'all');
    else merged.set(binding.cluster, new Set([...(known ?? []), ...binding.namespaces]));
  }
  return [...merged].map(([cluster, namespaces]) => ({
    cluster,
    namespaces: namespaces === 'all' ? 'all' : [...namespaces],
  }));
}

export function scopeForRequest(config: AppConfig, origin: RequestOrigin): RequestScope {
  const teams = teamsForRequest(config, origin);
  const viewer = isDirectMessage(origin.channelId) ? 'you' : 'this channel';
  return { clusters: mergeBindings(teams), viewer };
}

/** The cluster asked for (or the first bound one); refuses any other without saying if it exists. */
export function chooseCluster(scope: RequestScope, requested?: string): ClusterView {
  const first = scope.clusters[0];
  if (!first) {
    throw new UserFacingError(
      `No clusters are bound to ${scope.viewer === 'you' ? 'your teams' : "this channel's team"}: ` +
        "add them under the team's `clusters` in app.yaml.",
    );
  }
  if (requested === undefined) return first;
  const found = scope.clusters.find((view) => view.cluster === requested);
  if (found) return found;
  throw new UserFacingError(
    `${quote(requested)} is not one of the clusters ${scope.viewer} can see: ${clusterNames(scope)}.`,
  );
}

export function canSeeNamespace(view: ClusterView, namespace: string): boolean {
  return view.namespaces === 'all' || view.namespaces.includes(namespace);
}

/** Refuses a namespace outside the view with the same sentence whether or not it exists. */
export function requireNamespace(scope: RequestScope, view: ClusterView, namespace: string): void {
  if (canSeeNamespace(view, namespace)) return;
  throw new UserFacingError(
    `${quote(namespace)} is not one of the namespaces ${scope.viewer} can see` +
      `${scope.clusters.length > 1 ? ` on ${view.cluster}` : ''}: ${namespaceList(view)}.`,
  );
}

/** The namespaces of `all` that the view may see, in their given order. */
export function visibleNamespaces(view: ClusterView, all: readonly string[]): string[] {
  return all.filter((namespace) => canSeeNamespace(view, namespace));
}

export function namespaceList(view: ClusterView): string {
  return view.namespaces === 'all' ? 'all namespaces' : view.namespaces.join(', ');
}

export function clusterNames(scope: RequestScope): string {
  return scope.clusters.map((view) => view.cluster).join(', ');
}

/** A user-typed name as it may appear in a refusal: short, with Slack's control characters escaped. */
function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `\`${short.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, "'")}\``;
}
