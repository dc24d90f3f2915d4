// Finds the rotation a user named among those they may see, forgivingly, with suggestions when unknown.
import { closestWord } from '../config/suggest.js';
import { UserFacingError } from '../errors.js';
import type { RotationContext } from './rotation-context.js';

export function findRotation(contexts: RotationContext[], name: string): RotationContext {
  const wanted = name.trim().toLowerCase();
  const exact = contexts.find((c) => c.rotation.name === wanted);
  if (exact) return exact;
  const prefixed = contexts.filter((c) => c.rotation.name.startsWith(wanted));
  if (wanted.length > 0 && prefixed.length === 1 && prefixed[0]) return prefixed[0];
  const names = contexts.map((c) => c.rotation.name);
  const guess = closestWord(wanted, names);
  const hint = guess ? ` Did you mean \`${guess}\`?` : '';
  const shown = name.trim().slice(0, 40);
  throw new UserFacingError(
    `There is no rotation called "${shown}" here.${hint} Rotations you can see: ${names.join(', ') || 'none'}.`,
  );
}
