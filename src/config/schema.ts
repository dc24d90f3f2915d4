// The zod schema of the whole app.yaml and the configuration types the rest of the app codes against.
import { z } from 'zod';
import { checkAcrossFields } from './cross-checks.js';
import {
  WORKDAYS,
  calendarDateSchema,
  channelIdSchema,
  clockTimeSchema,
  durationSchema,
  nameSchema,
  namespaceSchema,
  personSchema,
  shiftLengthSchema,
  timeZoneSchema,
  userGroupIdSchema,
  weekdaySchema,
} from './fields.js';

export { WEEKDAYS, type Weekday } from './fields.js';

const clusterSchema = z.strictObject({
  name: nameSchema,
  context: z.string().min(1).optional(),
  inCluster: z.boolean().optional(),
});

const teamClusterSchema = z.strictObject({
  cluster: nameSchema,
  namespaces: z.array(namespaceSchema).min(1).optional(),
});

const statusLogSchema = z.strictObject({
  time: clockTimeSchema,
  days: z.array(weekdaySchema).min(1).default(WORKDAYS),
  timezone: timeZoneSchema.optional(),
});

const rotationSchema = z.strictObject({
  name: nameSchema,
  timezone: timeZoneSchema.optional(),
  shiftLength: shiftLengthSchema.default('1w'),
  handoff: z.strictObject({ day: weekdaySchema.optional(), time: clockTimeSchema }),
  start: calendarDateSchema,
  members: z.array(personSchema).min(1),
  coverage: z
    .strictObject({
      days: z.array(weekdaySchema).min(1).default(WORKDAYS),
      from: clockTimeSchema,
      to: clockTimeSchema,
    })
    .optional(),
  userGroup: userGroupIdSchema.optional(),
  reminder: durationSchema.optional(),
  holidays: z.array(calendarDateSchema).default([]),
  channel: channelIdSchema.optional(),
});

const teamSchema = z.strictObject({
  name: nameSchema,
  channel: channelIdSchema,
  channels: z.array(channelIdSchema).min(1).optional(),
  managers: z.array(personSchema).default([]),
  clusters: z.array(teamClusterSchema).default([]),
  statusLog: statusLogSchema.optional(),
  timezone: timeZoneSchema.optional(),
  userGroup: userGroupIdSchema.optional(),
  rotations: z.array(rotationSchema).default([]),
});

const peopleSchema = z.strictObject({
  userGroups: z.array(userGroupIdSchema).default([]),
  users: z.array(personSchema).default([]),
});

const rollbackSchema = z.strictObject({
  requesters: peopleSchema.optional(),
  approvers: peopleSchema.extend({ onCall: z.boolean().default(false) }).prefault({ onCall: true }),
  selfApproval: z.boolean().default(false),
  expiresAfter: durationSchema.default('30m'),
  breakGlass: z.strictObject({ onCallOutsideCoverage: z.boolean().default(false) }).prefault({}),
  gitops: z.enum(['warn', 'refuse']).default('warn'),
});

const noticeSchema = z.strictObject({
  cluster: nameSchema,
  namespaces: z.array(namespaceSchema).min(1).optional(),
  channel: channelIdSchema,
});

const configFileSchema = z.strictObject({
  timezone: timeZoneSchema.default('UTC'),
  clusters: z.array(clusterSchema).default([]),
  teams: z.array(teamSchema).min(1),
  rollback: rollbackSchema.prefault({}),
  notices: z.array(noticeSchema).default([]),
  scheduler: z.strictObject({ grace: durationSchema.default('2h') }).prefault({}),
});

type ConfigFile = z.output<typeof configFileSchema>;
type TeamFile = ConfigFile['teams'][number];
type RotationFile = TeamFile['rotations'][number];

/** How the bot reaches a cluster: a kubeconfig context, or the service account it runs under. */
export type ClusterRef = { name: string; context: string } | { name: string; inCluster: true };

function resolveCluster(cluster: ConfigFile['clusters'][number]): ClusterRef {
  return cluster.inCluster === true
    ? { name: cluster.name, inCluster: true }
    : { name: cluster.name, context: cluster.context ?? '' };
}

function resolveRotation(rotation: RotationFile, team: TeamFile, teamZone: string) {
  return {
    ...rotation,
    timezone: rotation.timezone ?? teamZone,
    channel: rotation.channel ?? team.channel,
  };
}

function resolveTeam(team: TeamFile, defaultZone: string) {
  const timezone = team.timezone ?? defaultZone;
  const statusLog = team.statusLog && {
    ...team.statusLog,
    timezone: team.statusLog.timezone ?? timezone,
  };
  return {
    ...team,
    timezone,
    channels: [...new Set([team.channel, ...(team.channels ?? [])])],
    statusLog,
    rotations: team.rotations.map((rotation) => resolveRotation(rotation, team, timezone)),
  };
}

/** Fills in the defaults that depend on other fields: zones, channels and cluster access. */
function resolveDefaults(file: ConfigFile) {
  return {
    ...file,
    clusters: file.clusters.map(resolveCluster),
    teams: file.teams.map((team) => resolveTeam(team, file.timezone)),
  };
}

/** The whole of app.yaml: field checks, then checks across fields, then defaults filled in. */
export const appConfigSchema = configFileSchema
  .superRefine(checkAcrossFields, { when: () => true })
  .transform(resolveDefaults);

/** The configuration with every default applied (see docs/configuration.md). */
export type AppConfig = z.output<typeof appConfigSchema>;
export type Team = AppConfig['teams'][number];
export type Rotation = Team['rotations'][number];
export type TeamClusterAccess = Team['clusters'][number];
export type StatusLog = NonNullable<Team['statusLog']>;
export type Coverage = NonNullable<Rotation['coverage']>;
/** Who may request and approve rollbacks; `requesters` undefined means anyone in the team's channels. */
export type RollbackPolicy = AppConfig['rollback'];
export type Notice = AppConfig['notices'][number];
