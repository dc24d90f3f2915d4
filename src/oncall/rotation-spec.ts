// Maps a rotation from app.yaml (plus recorded roster versions) to the engine's RotationSpec.
import type { Rotation } from '../config/schema.js';
import type { RosterVersion, RotationSpec } from './engine/index.js';

export function parseShiftLength(text: string): RotationSpec['shiftLength'] {
  const match = /^(\d+)([dw])$/.exec(text.trim());
  if (!match) throw new Error(`not a shift length: ${text}`);
  return { unit: match[2] === 'd' ? 'day' : 'week', count: Number(match[1]) };
}

export function rotationSpec(
  rotation: Rotation,
  recordedRosters: RosterVersion[] = [],
): RotationSpec {
  const fromConfig: RosterVersion = { members: rotation.members, effectiveFrom: new Date(0) };
  return {
    name: rotation.name,
    timezone: rotation.timezone,
    shiftLength: parseShiftLength(rotation.shiftLength),
    handoff: rotation.handoff,
    start: rotation.start,
    rosters: recordedRosters.length > 0 ? recordedRosters : [fromConfig],
    coverage: rotation.coverage,
    holidays: rotation.holidays,
  };
}
