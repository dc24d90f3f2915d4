// A rotation with everything the engine needs to answer about it: its spec (roster history
// included) and its overrides and swaps, loaded once per request.
import type { Rotation, Team } from '../config/schema.js';
import type {
  Override,
  RosterVersion,
  RotationChanges,
  RotationSpec,
  Swap,
} from './engine/index.js';
import { rotationSpec } from './rotation-spec.js';

export interface RotationContext {
  team: Team;
  rotation: Rotation;
  spec: RotationSpec;
  changes: RotationChanges;
}

/** What the contexts are built from; the Postgres store implements it, the CLI may pass nothing. */
export interface RotationChangeSource {
  overridesFor(
    rotations: string[],
    from: Date,
    to: Date,
  ): Promise<Array<Override & { rotation: string }>>;
  confirmedSwaps(rotations: string[]): Promise<Array<Swap & { rotation: string }>>;
  rosterVersions(rotation: string): Promise<RosterVersion[]>;
}

export async function loadRotationContexts(
  source: RotationChangeSource,
  teams: Team[],
  window: { from: Date; to: Date },
): Promise<RotationContext[]> {
  const pairs = teams.flatMap((team) => team.rotations.map((rotation) => ({ team, rotation })));
  const names = pairs.map((pair) => pair.rotation.name);
  if (names.length === 0) return [];
  const [overrides, swaps, rosters] = await Promise.all([
    source.overridesFor(names, window.from, window.to),
    source.confirmedSwaps(names),
    Promise.all(names.map((name) => source.rosterVersions(name))),
  ]);
  return pairs.map(({ team, rotation }, i) => ({
    team,
    rotation,
    spec: rotationSpec(rotation, rosters[i] ?? []),
    changes: {
      overrides: overrides.filter((o) => o.rotation === rotation.name),
      swaps: swaps.filter((s) => s.rotation === rotation.name),
    },
  }));
}

/** Changes when there is no database: no overrides, no swaps, the roster as app.yaml has it now. */
export const appYamlOnly: RotationChangeSource = {
  overridesFor: async () => [],
  confirmedSwaps: async () => [],
  rosterVersions: async () => [],
};
