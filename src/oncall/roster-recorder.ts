// Records each rotation's member list from app.yaml as a roster version, effective at the next handoff.
import type { AppConfig, Rotation } from '../config/schema.js';
import { rosterVersionEffectiveAt, type RosterVersion } from './engine/index.js';
import { rotationSpec } from './rotation-spec.js';
import { FIRST_VERSION_EFFECTIVE_FROM, type OncallStore } from './store/index.js';

export type RosterStore = Pick<
  OncallStore,
  'rosterVersions' | 'recordFirstRosterVersion' | 'setPendingRosterVersion'
>;

export interface RecordedRoster {
  rotation: string;
  effectiveFrom: Date;
  members: string[];
  /**
   * `first`: no version was recorded, this one applies from the start. `changed`: these members
   * take over at `effectiveFrom`. `withdrawn`: app.yaml went back to the members in force before the
   * pending change at `effectiveFrom` took effect, so that change is dropped and `members` stay.
   */
  change: 'first' | 'changed' | 'withdrawn';
}

/**
 * Compares every rotation's members with its recorded history and records what changed. Safe to
 * run again and from several instances at once: only the instance whose write lands reports it.
 */
export async function recordRosters(
  store: RosterStore,
  config: AppConfig,
  now: Date,
): Promise<RecordedRoster[]> {
  const recorded: RecordedRoster[] = [];
  for (const team of config.teams)
    for (const rotation of team.rotations)
      recorded.push(...(await recordRoster(store, rotation, now)));
  return recorded;
}

async function recordRoster(
  store: RosterStore,
  rotation: Rotation,
  now: Date,
): Promise<RecordedRoster[]> {
  const members = [...rotation.members];
  const versions = await store.rosterVersions(rotation.name);
  if (versions.length === 0) {
    const first = await store.recordFirstRosterVersion(rotation.name, members, now);
    return first
      ? [
          {
            rotation: rotation.name,
            effectiveFrom: FIRST_VERSION_EFFECTIVE_FROM,
            members,
            change: 'first',
          },
        ]
      : [];
  }
  const inForce = versionInForce(versions, now);
  if (sameMembers(inForce.members, members)) {
    if (versions[versions.length - 1] === inForce) return [];
    const { withdrawn } = await store.setPendingRosterVersion(rotation.name, null, now);
    return withdrawn.map((version) => ({
      rotation: rotation.name,
      effectiveFrom: version.effectiveFrom,
      members,
      change: 'withdrawn',
    }));
  }
  const effectiveFrom = rosterVersionEffectiveAt(rotationSpec(rotation), now);
  const { recorded } = await store.setPendingRosterVersion(
    rotation.name,
    { members, effectiveFrom },
    now,
  );
  return recorded ? [{ rotation: rotation.name, effectiveFrom, members, change: 'changed' }] : [];
}

/** The newest version whose handoff has come (versions are oldest first; the first always applies). */
function versionInForce(versions: RosterVersion[], now: Date): RosterVersion {
  const started = versions.filter((version) => version.effectiveFrom.getTime() <= now.getTime());
  return (started[started.length - 1] ?? versions[0]) as RosterVersion;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((member, index) => member === b[index]);
}
