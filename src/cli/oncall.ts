// `watchkeeper oncall [--config F] [--at ISO] [--rotation R] [--json]`: who is on duty at one
// instant in each rotation, one line per rotation, or the stable JSON of DESIGN §3.
import { systemClock, type Clock } from '../clock.js';
import { configPathFromEnv, readEnv } from '../config/env.js';
import { loadConfig } from '../config/load.js';
import { dutyAt, nextCoverageStart, type Duty, type DutySource } from '../oncall/engine/index.js';
import type { RotationContext } from '../oncall/rotation-context.js';
import { formatLocalTime, parseIsoInstant } from '../oncall/time-input.js';
import { loadRotationChanges } from './rotation-changes.js';
import { flagValue, readFlags, selectRotations, withUsage } from './rotation-args.js';

export const oncallUsage =
  'Usage: watchkeeper oncall [--config F] [--at ISO] [--rotation R] [--json]';

/** One rotation in `oncall --json`; instants are `toISOString()` (UTC, milliseconds, `Z`). */
export interface OncallJsonRotation {
  rotation: string;
  member: string | null;
  covered: boolean;
  source: DutySource;
  shift: { start: string; end: string } | null;
}

export interface OncallJson {
  at: string;
  rotations: OncallJsonRotation[];
}

export function oncallJson(at: Date, duties: readonly Duty[]): OncallJson {
  return {
    at: at.toISOString(),
    rotations: duties.map((duty) => ({
      rotation: duty.rotation,
      member: duty.member,
      covered: duty.covered,
      source: duty.source,
      shift: duty.shift && {
        start: duty.shift.start.toISOString(),
        end: duty.shift.end.toISOString(),
      },
    })),
  };
}

function whoIsOnDuty(duty: Duty, context: RotationContext, local: (at: Date) => string): string {
  if (duty.member !== null && duty.override) {
    const standIn = duty.coveredFor === undefined ? 'override' : `covering for ${duty.coveredFor}`;
    const outside = duty.covered ? '' : ', outside coverage hours';
    return `${duty.member} (${standIn}${outside}) until ${local(duty.override.end)}`;
  }
  if (duty.member !== null) {
    const swapped = duty.source === 'swap' ? ' (swapped shift)' : '';
    return `${duty.member}${swapped}, shift until ${local(duty.shift?.end ?? duty.at)}`;
  }
  const resumes = nextCoverageStart(context.spec, duty.at);
  const when = resumes === null ? '' : `, coverage resumes ${local(resumes)}`;
  const holder = duty.shift ? `; ${duty.shift.member}'s shift until ${local(duty.shift.end)}` : '';
  return `nobody on duty (outside coverage hours${when})${holder}`;
}

/** `zurich: U0ALICE01, shift until Mon 2026-03-30 09:00 (Europe/Zurich)` and its variants. */
export function oncallLine(duty: Duty, context: RotationContext): string {
  const zone = context.rotation.timezone;
  const local = (at: Date) => formatLocalTime(at, zone);
  const name = context.rotation.name;
  if (duty.shift === null && duty.member === null) {
    const starts = duty.rotationStartsAt;
    const first = starts === undefined ? '' : `; first handoff ${local(starts)}`;
    return `${name}: not started yet${first} (${zone})`;
  }
  return `${name}: ${whoIsOnDuty(duty, context, local)} (${zone})`;
}

export async function oncallCommand(args: string[], clock: Clock = systemClock): Promise<number> {
  return withUsage('oncall', oncallUsage, async () => {
    const values = readFlags(args, {
      config: { type: 'string' },
      at: { type: 'string' },
      rotation: { type: 'string' },
      json: { type: 'boolean' },
    });
    const at =
      values.at === undefined
        ? clock.now()
        : flagValue('--at', () => parseIsoInstant(values.at ?? ''));
    const config = loadConfig(values.config ?? configPathFromEnv());
    const names = selectRotations(config, values.rotation);
    const contexts = await loadRotationChanges(config, readEnv(), {
      names,
      from: at,
      to: new Date(at.getTime() + 1),
    });
    const answers = contexts.map((context) => ({
      context,
      duty: dutyAt(context.spec, context.changes, at),
    }));
    if (values.json) {
      console.log(
        JSON.stringify(
          oncallJson(
            at,
            answers.map((answer) => answer.duty),
          ),
        ),
      );
    } else if (answers.length === 0) {
      console.log('no rotations in app.yaml: nobody is on call');
    } else {
      for (const { context, duty } of answers) console.log(oncallLine(duty, context));
    }
    return 0;
  });
}
