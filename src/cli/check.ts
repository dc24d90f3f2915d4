// `watchkeeper check [--config F]`: validates app.yaml, prints "ok" and a summary or every problem.
import { parseArgs } from 'node:util';
import { configPathFromEnv } from '../config/env.js';
import { ConfigError, loadConfig } from '../config/load.js';

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string' } }, strict: true });
  const path = values.config ?? configPathFromEnv();
  try {
    const config = loadConfig(path);
    const rotations = config.teams.flatMap((team) => team.rotations);
    console.log(
      `ok: ${path} — ${config.clusters.length} clusters, ${config.teams.length} teams, ` +
        `${rotations.length} rotations (${rotations.map((r) => r.name).join(', ')})`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${path}: ${error.problems.length} problem(s)\n${error.message}`);
    return 1;
  }
}
