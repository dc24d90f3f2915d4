// Replaces every email address among app.yaml's people (rotation members, team managers, rollback
// users) with its Slack member id, looked up once at start; people Slack cannot find are left out.
//
// A rotation that loses members is listed in `incompleteRotations`, so its roster is not recorded
// as a new version: it keeps turning with the roster recorded before (a lookup that failed for a
// moment does not reshuffle shifts). One whose members all fail is kept with `members: []`: with no
// recorded roster it has nobody to put on duty, `/oncall` says it has no resolvable members, and
// its user group is left as it is (the engine needs at least one member, so callers check first).
import type { AppConfig, Rotation, Team } from '../../config/schema.js';
import type { Logger } from '../../log.js';
import {
  duplicateMemberProblem,
  lookupFailedProblem,
  noMembersLeftProblem,
  unknownEmailProblem,
  type PersonPlace,
} from './people-problems.js';
import type { PeopleDirectory } from './slack-directory.js';
import { slackFailure, type SlackFailure } from './slack-error.js';

export interface ResolvedPeople {
  /** The same configuration with every email replaced by a Slack member id. */
  config: AppConfig;
  /** One sentence per address that could not be resolved, per place it is listed in. */
  problems: string[];
  /** Rotations that lost a member to a failed lookup (do not record their roster as a new version). */
  incompleteRotations: string[];
}

type Lookup = { userId: string | null } | { failure: SlackFailure };

/** How many lookups run at once (users.lookupByEmail is Tier 4: generous, but no need to rush). */
const PARALLEL_LOOKUPS = 4;

const isEmail = (person: string) => person.includes('@');
const keyOf = (email: string) => email.toLowerCase();

export async function resolvePeople(
  config: AppConfig,
  directory: PeopleDirectory,
  logger: Logger,
): Promise<ResolvedPeople> {
  const lookups = await lookUpAll(emailsIn(config), directory);
  const problems: string[] = [];
  const incompleteRotations: string[] = [];

  const resolveList = (people: string[], place: PersonPlace): string[] => {
    const resolved: string[] = [];
    for (const person of people) {
      const userId = isEmail(person) ? resolveEmail(person, place) : person;
      if (userId === null) continue;
      if (!resolved.includes(userId)) resolved.push(userId);
      else if (place.kind === 'rotation' && isEmail(person)) {
        problems.push(duplicateMemberProblem(place.rotation, person, userId));
      }
    }
    return resolved;
  };

  const resolveEmail = (email: string, place: PersonPlace): string | null => {
    const lookup = lookups.get(keyOf(email)) ?? { userId: null };
    if ('userId' in lookup && lookup.userId !== null) return lookup.userId;
    problems.push(
      'failure' in lookup
        ? lookupFailedProblem(place, email, lookup.failure)
        : unknownEmailProblem(place, email),
    );
    if (place.kind === 'rotation' && !incompleteRotations.includes(place.rotation)) {
      incompleteRotations.push(place.rotation);
    }
    return null;
  };

  const resolveRotation = (rotation: Rotation): Rotation => {
    const members = resolveList(rotation.members, { kind: 'rotation', rotation: rotation.name });
    if (members.length === 0) problems.push(noMembersLeftProblem(rotation.name));
    return { ...rotation, members };
  };

  const resolveTeam = (team: Team): Team => ({
    ...team,
    managers: resolveList(team.managers, { kind: 'managers', team: team.name }),
    rotations: team.rotations.map(resolveRotation),
  });

  const { rollback } = config;
  const resolved: AppConfig = {
    ...config,
    teams: config.teams.map(resolveTeam),
    rollback: {
      ...rollback,
      approvers: {
        ...rollback.approvers,
        users: resolveList(rollback.approvers.users, { kind: 'approvers' }),
      },
      requesters: rollback.requesters && {
        ...rollback.requesters,
        users: resolveList(rollback.requesters.users, { kind: 'requesters' }),
      },
    },
  };
  for (const problem of problems) logger.warn(problem);
  if (lookups.size > 0) {
    const found = [...lookups.values()].filter((l) => 'userId' in l && l.userId !== null).length;
    logger.info({ emails: lookups.size, found }, 'people given by email looked up in Slack');
  }
  return { config: resolved, problems, incompleteRotations };
}

/** Every distinct address (compared without case) listed anywhere in the configuration. */
function emailsIn(config: AppConfig): string[] {
  const people = [
    ...config.teams.flatMap((team) => [
      ...team.managers,
      ...team.rotations.flatMap((rotation) => rotation.members),
    ]),
    ...config.rollback.approvers.users,
    ...(config.rollback.requesters?.users ?? []),
  ];
  const byKey = new Map<string, string>();
  for (const person of people) {
    if (isEmail(person) && !byKey.has(keyOf(person))) byKey.set(keyOf(person), person);
  }
  return [...byKey.values()];
}

async function lookUpAll(emails: string[], directory: PeopleDirectory) {
  const lookups = new Map<string, Lookup>();
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
      lookups.set(keyOf(email), await lookUp(email, directory));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LOOKUPS, emails.length) }, worker));
  return lookups;
}

async function lookUp(email: string, directory: PeopleDirectory): Promise<Lookup> {
  try {
    return { userId: await directory.lookupByEmail(email) };
  } catch (error) {
    return { failure: slackFailure(error) };
  }
}
