// What `watchkeeper oncall` and `watchkeeper schedule` share: reading flags, finding rotations by
// name, and turning a bad command line into one sentence plus the usage line (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { rotationByName } from '../config/lookup.js';
import type { AppConfig, Rotation } from '../config/schema.js';
import { closestWord } from '../config/suggest.js';
import { isUserFacingError, UserFacingError } from '../errors.js';

/** Something wrong with the command line itself; the command prints its usage line and exits 2. */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

function usageProblem(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} needs a value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(message)?.[1];
    return word === undefined ? 'unexpected argument' : `unexpected argument "${word}"`;
  }
  return null;
}

/** Node's parseArgs in strict mode, with its errors rewritten as UsageErrors. */
export function readFlags<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const problem = usageProblem(error);
    if (problem === null) throw error;
    throw new UsageError(problem);
  }
}

/** Reads a flag's value; a UserFacingError from `read` becomes a UsageError naming the flag. */
export function flagValue<T>(flag: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!isUserFacingError(error)) throw error;
    throw new UsageError(`${flag} ${error.message}`);
  }
}

function rotationNames(config: AppConfig): string[] {
  return config.teams.flatMap((team) => team.rotations.map((rotation) => rotation.name));
}

function unknownRotation(name: string, names: readonly string[]): UsageError {
  const guess = closestWord(name, names);
  const hint = guess === undefined ? '' : `did you mean ${guess}? `;
  const known = names.length === 0 ? 'it has none' : `rotations: ${names.join(', ')}`;
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return new UsageError(`there is no rotation named "${shown}" in app.yaml (${hint}${known})`);
}

/** The rotations of the configuration in file order, or the one named; an unknown name is a UsageError. */
export function selectRotations(config: AppConfig, name: string | undefined): string[] {
  const names = rotationNames(config);
  if (name === undefined) return names;
  if (names.includes(name)) return [name];
  throw unknownRotation(name, names);
}

/** The rotation of this name; an unknown name is a UsageError with a suggestion. */
export function requireRotation(config: AppConfig, name: string): Rotation {
  const found = rotationByName(config, name);
  if (!found) throw unknownRotation(name, rotationNames(config));
  return found.rotation;
}

/** Runs a command body; a UsageError is printed with the usage line and exits 2. */
export async function withUsage(
  command: string,
  usage: string,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`watchkeeper ${command}: ${error.message}\n${usage}`);
    return 2;
  }
}
