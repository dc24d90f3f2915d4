// The rotation engine's public surface: pure functions from a rotation spec, its changes and
// instants to who is on duty. No I/O; instants are always passed in.
export { dutyAt } from './duty.js';
export { dutySegments, nextOnCallChange, onCallChangesBetween, shiftsBetween } from './timeline.js';
export {
  handoffsBetween,
  nextCoverageStart,
  rosterVersionEffectiveAt,
  shiftAt,
  swapOutcomes,
} from './shifts.js';
export { RotationSpecError } from './compile.js';
export type * from './types.js';
