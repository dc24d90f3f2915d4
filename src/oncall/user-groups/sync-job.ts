// The ticker job that keeps every user group named in app.yaml on the people on duty now: it loads
// the rotations' overrides, swaps and rosters, asks the engine, and hands the result to the sync.
import type { AppConfig } from '../../config/schema.js';
import type { TickJob } from '../../scheduler/ticker.js';
import { dutyAt } from '../engine/index.js';
import { loadRotationContexts, type RotationChangeSource } from '../rotation-context.js';
import { desiredUserGroups, userGroupChannel, type DutyFor } from './desired.js';
import type { UserGroupSync } from './sync.js';

const hour = 3600 * 1000;

export function userGroupSyncJob(deps: {
  config: AppConfig;
  changes: RotationChangeSource;
  sync: UserGroupSync;
}): TickJob {
  const { config, changes, sync } = deps;
  const teams = config.teams.filter(
    (team) => team.userGroup !== undefined || team.rotations.some((r) => r.userGroup !== undefined),
  );
  const channelFor = userGroupChannel(config);
  return {
    name: 'user-group-sync',
    async run(now) {
      if (teams.length === 0) return;
      const window = { from: new Date(now.getTime() - hour), to: new Date(now.getTime() + hour) };
      const contexts = await loadRotationContexts(changes, teams, window);
      const byName = new Map(contexts.map((context) => [context.rotation.name, context]));
      const dutyFor: DutyFor = (name, at) => {
        const context = byName.get(name);
        if (!context) throw new Error(`rotation "${name}" was not loaded`);
        return dutyAt(context.spec, context.changes, at);
      };
      await sync.syncAt(desiredUserGroups({ ...config, teams }, dutyFor, now), now, channelFor);
    },
  };
}
