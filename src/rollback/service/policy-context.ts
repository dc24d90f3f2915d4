// The facts the rollback policy decides on, gathered for one workload and one click: the owning teams,
// their channels, who is on call there now (or whose shift it is outside coverage) and the clicker's groups.
import type { Clock } from '../../clock.js';
import type { AppConfig, Team } from '../../config/schema.js';
import { oncallNow } from '../../oncall/oncall-now.js';
import { loadRotationContexts, type RotationChangeSource } from '../../oncall/rotation-context.js';
import type { PolicyContext } from '../policy.js';
import type { Workload } from '../store/index.js';
import type { GroupMembership } from './user-groups.js';

export interface PolicyContextDeps {
  config: AppConfig;
  changes: RotationChangeSource;
  groups: GroupMembership;
  clock: Clock;
}

/** The policy's context, and why group membership could not be read (said in refusals). */
export interface GatheredContext {
  ctx: PolicyContext;
  groupsProblem?: string;
}

const DAY = 24 * 3600 * 1000;

/**
 * The teams that own a namespace: those whose bindings name it, else those that see the whole
 * cluster (a platform team that sees everything owns only what nobody claims).
 */
export function owningTeams(config: AppConfig, cluster: string, namespace: string): Team[] {
  const naming = config.teams.filter((team) =>
    team.clusters.some((b) => b.cluster === cluster && b.namespaces?.includes(namespace)),
  );
  if (naming.length > 0) return naming;
  return config.teams.filter((team) =>
    team.clusters.some((b) => b.cluster === cluster && b.namespaces === undefined),
  );
}

export async function gatherContext(
  deps: PolicyContextDeps,
  workload: Workload,
  click: { actor?: string; channelId?: string } = {},
): Promise<GatheredContext> {
  const teams = owningTeams(deps.config, workload.cluster, workload.namespace);
  const now = deps.clock.now();
  const contexts = await loadRotationContexts(deps.changes, teams, {
    from: new Date(now.getTime() - 60 * DAY),
    to: new Date(now.getTime() + 60 * DAY),
  });
  const rotations = oncallNow(contexts, now).rotations;
  const onCallNow = unique(rotations.map((r) => r.member));
  const onCallOutsideCoverage = unique(
    rotations.filter((r) => r.member === null).map((r) => r.shiftMember),
  );
  const teamChannels = unique(teams.flatMap((team) => team.channels));
  const membership = click.actor ? await deps.groups.groupsOf(click.actor) : { groups: [] };
  const ctx: PolicyContext = {
    teamChannelsMember: click.channelId !== undefined && teamChannels.includes(click.channelId),
    userGroupsOf: (userId) => (userId === click.actor ? membership.groups : []),
    onCallNow,
    onCallOutsideCoverage,
    namespace: workload.namespace,
    teamChannels,
  };
  return membership.problem ? { ctx, groupsProblem: membership.problem } : { ctx };
}

function unique(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
