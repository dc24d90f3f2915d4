// Checks across fields of app.yaml (references, duplicates, handoff rules), run even where parts are invalid.
import { SHIFT_LENGTH, calendarDate, isClockTime, minutesOfDay, weekdayOf } from './fields.js';
import type { Weekday } from './fields.js';
import { closestWord } from './suggest.js';

type Path = (string | number)[];

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export interface IssueSink {
  addIssue(issue: { code: 'custom'; path: Path; message: string }): void;
}

type Report = (path: Path, message: string) => void;

type Entry = Record<string, unknown>;

function entry(value: unknown): Entry | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Entry)
    : undefined;
}

function entries(value: unknown): { item: Entry; index: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => {
    const object = entry(item);
    return object ? [{ item: object, index }] : [];
  });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function texts(value: unknown): { value: string; index: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, index }] : []));
}

/** Reports each value of a list that an earlier item of the same list already had. */
function checkRepeats(report: Report, path: Path, list: unknown): void {
  const first = new Map<string, number>();
  const listName = String(path.at(-1));
  for (const { value, index } of texts(list)) {
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, index);
    else
      report(
        [...path, index],
        `${JSON.stringify(value)} is listed twice (also as ${listName}[${earlier}])`,
      );
  }
}

function checkClusters(report: Report, root: Entry): void {
  const seen = new Map<string, number>();
  for (const { item, index } of entries(root.clusters)) {
    const name = text(item.name);
    const earlier = name === undefined ? undefined : seen.get(name);
    if (name !== undefined && earlier !== undefined) {
      report(
        ['clusters', index, 'name'],
        `${JSON.stringify(name)} is already the name of clusters[${earlier}]`,
      );
    } else if (name !== undefined) seen.set(name, index);
    const hasContext = item.context !== undefined;
    if (hasContext && item.inCluster === true) {
      report(['clusters', index], 'sets both context and inCluster: true; keep only one');
    } else if (!hasContext && item.inCluster !== true) {
      report(['clusters', index], 'needs either context (a kubeconfig context) or inCluster: true');
    }
  }
}

function checkClusterReference(report: Report, root: Entry, path: Path, cluster: unknown): void {
  const name = text(cluster);
  if (name === undefined || !Array.isArray(root.clusters)) return;
  const known = entries(root.clusters).flatMap(({ item }) => text(item.name) ?? []);
  if (known.includes(name)) return;
  const guess = closestWord(name, known);
  const hint = guess
    ? `did you mean ${guess}?`
    : known.length > 0
      ? `one of ${known.join(', ')}`
      : 'none are configured';
  report(path, `${JSON.stringify(name)} is not a cluster listed under clusters (${hint})`);
}

function checkRotation(report: Report, path: Path, rotation: Entry): void {
  const shiftLength = text(rotation.shiftLength) ?? '1w';
  const handoff = entry(rotation.handoff);
  const weekShift = SHIFT_LENGTH.exec(shiftLength)?.[2] === 'w';
  const dayShift = SHIFT_LENGTH.exec(shiftLength)?.[2] === 'd';
  if (handoff && weekShift && handoff.day === undefined) {
    report(
      [...path, 'handoff', 'day'],
      `is required for week-long shifts (shiftLength ${shiftLength})`,
    );
  }
  if (handoff && dayShift && handoff.day !== undefined) {
    report(
      [...path, 'handoff', 'day'],
      `must be left out for shifts counted in days (shiftLength ${shiftLength}): they hand off every ${shiftLength} at handoff.time`,
    );
  }
  const start = calendarDate(text(rotation.start) ?? '');
  const day = text(handoff?.day);
  if (start && weekShift && day !== undefined && weekdayOf(start) !== day) {
    report(
      [...path, 'start'],
      `${rotation.start as string} is a ${DAY_NAMES[weekdayOf(start)]}, but handoff.day is ${day}; start is the local date of the first handoff`,
    );
  }
  checkRepeats(report, [...path, 'members'], rotation.members);
  const coverage = entry(rotation.coverage);
  const from = text(coverage?.from);
  const to = text(coverage?.to);
  if (
    from &&
    to &&
    isClockTime(from) &&
    isClockTime(to) &&
    minutesOfDay(from) >= minutesOfDay(to)
  ) {
    report(
      [...path, 'coverage', 'to'],
      `"${to}" must be later than from ("${from}"): coverage hours end on the day they start; cover nights with a separate rotation`,
    );
  }
  checkRepeats(report, [...path, 'coverage', 'days'], coverage?.days);
}

function checkTeams(report: Report, root: Entry): void {
  const teamNames = new Map<string, number>();
  const rotationNames = new Map<string, string>();
  const channelOwners = new Map<string, string>();
  for (const { item: team, index } of entries(root.teams)) {
    const teamPath = ['teams', index];
    const name = text(team.name);
    const earlier = name === undefined ? undefined : teamNames.get(name);
    if (name !== undefined && earlier !== undefined) {
      report(
        [...teamPath, 'name'],
        `${JSON.stringify(name)} is already the name of teams[${earlier}]`,
      );
    } else if (name !== undefined) teamNames.set(name, index);

    const own = text(team.channel);
    const channels = [...(own ? [{ value: own, index: -1 }] : []), ...texts(team.channels)];
    for (const { value, index: at } of channels) {
      const owner = channelOwners.get(value);
      const where = at < 0 ? [...teamPath, 'channel'] : [...teamPath, 'channels', at];
      if (owner !== undefined && owner !== `${index}`) {
        report(
          where,
          `${JSON.stringify(value)} already belongs to teams[${owner}]; a channel answers for one team only`,
        );
      } else channelOwners.set(value, `${index}`);
    }

    checkRepeats(report, [...teamPath, 'statusLog', 'days'], entry(team.statusLog)?.days);
    const clusterNames = new Map<string, number>();
    for (const { item: access, index: at } of entries(team.clusters)) {
      checkClusterReference(report, root, [...teamPath, 'clusters', at, 'cluster'], access.cluster);
      const cluster = text(access.cluster);
      const first = cluster === undefined ? undefined : clusterNames.get(cluster);
      if (cluster !== undefined && first !== undefined) {
        report(
          [...teamPath, 'clusters', at, 'cluster'],
          `${JSON.stringify(cluster)} is listed twice (also at clusters[${first}])`,
        );
      } else if (cluster !== undefined) clusterNames.set(cluster, at);
    }

    for (const { item: rotation, index: at } of entries(team.rotations)) {
      const path = [...teamPath, 'rotations', at];
      const rotationName = text(rotation.name);
      const other = rotationName === undefined ? undefined : rotationNames.get(rotationName);
      if (rotationName !== undefined && other !== undefined) {
        report(
          [...path, 'name'],
          `${JSON.stringify(rotationName)} is already the name of ${other}; rotation names must be unique across all teams`,
        );
      } else if (rotationName !== undefined)
        rotationNames.set(rotationName, `teams[${index}].rotations[${at}]`);
      checkRotation(report, path, rotation);
    }
  }
}

function checkRollback(report: Report, root: Entry): void {
  const rollback = entry(root.rollback);
  const requesters = entry(rollback?.requesters);
  if (requesters && texts(requesters.userGroups).length + texts(requesters.users).length === 0) {
    report(
      ['rollback', 'requesters'],
      'names nobody; list userGroups or users, or leave requesters out to let anyone in the team channels request',
    );
  }
  const approvers = entry(rollback?.approvers);
  const approverCount = texts(approvers?.userGroups).length + texts(approvers?.users).length;
  if (approvers && approverCount === 0 && approvers.onCall !== true) {
    report(
      ['rollback', 'approvers'],
      'names nobody; list userGroups or users, or set onCall: true',
    );
  }
}

/** Adds an issue for every problem that involves more than one field of the configuration. */
export function checkAcrossFields(config: unknown, sink: IssueSink): void {
  const root = entry(config);
  if (!root) return;
  const report: Report = (path, message) => sink.addIssue({ code: 'custom', path, message });
  checkClusters(report, root);
  checkTeams(report, root);
  for (const { item, index } of entries(root.notices)) {
    checkClusterReference(report, root, ['notices', index, 'cluster'], item.cluster);
  }
  checkRollback(report, root);
}
