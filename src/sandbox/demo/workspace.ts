// The sandbox's Slack workspace, read from app.yaml: every person it names (with a name and a time
// zone), every channel it posts to, and every user group, so the fake Slack knows them all.
import type { AppConfig } from '../../config/schema.js';
import type { FakeChannel, FakeUser, FakeUserGroup } from '../slack/index.js';

export interface DemoWorkspace {
  /** The people of app.yaml, in the order they first appear (the console's "you are" list). */
  users: FakeUser[];
  channels: FakeChannel[];
  userGroups: FakeUserGroup[];
}

const USER_ID = /^[UW][A-Z0-9]+$/;

/** `U0ALICE01` → `alice`; `carol.smith@example.com` → `carol.smith`. */
export function nameOf(person: string): string {
  if (person.includes('@')) return person.slice(0, person.indexOf('@')).toLowerCase();
  const core = person.slice(1).replace(/^0+/, '').replace(/\d+$/, '');
  return (core || person).toLowerCase();
}

function realNameOf(name: string): string {
  return name
    .split(/[._-]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** A stable user id for a person given by email: `U` + the upper-cased letters of its local part. */
function idForEmail(email: string, taken: Set<string>): string {
  const letters = nameOf(email)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 8);
  let id = `U0${letters || 'PERSON'}`;
  for (let n = 1; taken.has(id); n++) id = `U0${letters}${n}`;
  return id;
}

/** Each person of app.yaml with the zone of the first rotation (or team) that names them. */
function peopleWithZones(config: AppConfig): Map<string, string> {
  const zones = new Map<string, string>();
  const add = (person: string, zone: string) => {
    if (!zones.has(person)) zones.set(person, zone);
  };
  for (const team of config.teams) {
    for (const rotation of team.rotations) {
      for (const member of rotation.members) add(member, rotation.timezone);
    }
  }
  for (const team of config.teams) for (const manager of team.managers) add(manager, team.timezone);
  const { requesters, approvers } = config.rollback;
  for (const person of [...(requesters?.users ?? []), ...approvers.users]) {
    add(person, config.timezone);
  }
  return zones;
}

function demoUsers(config: AppConfig): FakeUser[] {
  const zones = peopleWithZones(config);
  const taken = new Set([...zones.keys()].filter((person) => USER_ID.test(person)));
  return [...zones].map(([person, tz]) => {
    const name = nameOf(person);
    const isEmail = !USER_ID.test(person);
    const id = isEmail ? idForEmail(person, taken) : person;
    taken.add(id);
    return {
      id,
      name,
      realName: realNameOf(name),
      tz,
      email: isEmail ? person : `${name}@example.com`,
    };
  });
}

function demoChannels(config: AppConfig): FakeChannel[] {
  const names = new Map<string, string>();
  for (const team of config.teams) names.set(team.channel, team.name);
  const ids = [
    ...config.teams.flatMap((team) => [
      team.channel,
      ...team.channels,
      ...team.rotations.map((rotation) => rotation.channel),
    ]),
    ...config.notices.map((notice) => notice.channel),
  ];
  return [...new Set(ids)].map((id) => ({ id, name: names.get(id) ?? nameOf(id) }));
}

function demoUserGroups(config: AppConfig, users: FakeUser[]): FakeUserGroup[] {
  const everyone = users.map((user) => user.id);
  const groups = new Map<string, FakeUserGroup>();
  const add = (id: string, handle: string, members: string[]) => {
    if (!groups.has(id)) groups.set(id, { id, handle, users: members });
  };
  for (const team of config.teams) {
    for (const rotation of team.rotations) {
      if (rotation.userGroup) add(rotation.userGroup, `oncall-${rotation.name}`, []);
    }
    if (team.userGroup) add(team.userGroup, `${team.name}-oncall`, []);
  }
  const { requesters, approvers } = config.rollback;
  for (const id of requesters?.userGroups ?? []) add(id, nameOf(id), everyone);
  for (const id of approvers.userGroups) add(id, nameOf(id), everyone);
  return [...groups.values()];
}

export function demoWorkspace(config: AppConfig): DemoWorkspace {
  const users = demoUsers(config);
  return { users, channels: demoChannels(config), userGroups: demoUserGroups(config, users) };
}
