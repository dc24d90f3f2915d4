// What every benchmark module returns, and how a module run as a program prints it.
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  result: string;
  target: string;
}

/** bench/index.ts runs each module as a program with this flag and reads its rows as one JSON line. */
export const ROWS_JSON_FLAG = '--rows-json';

/** When `moduleUrl` is the program being run: runs `run` and prints its rows. */
export async function runIfMain(moduleUrl: string, run: () => Promise<BenchRow[]>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const rows = await run();
  if (process.argv.includes(ROWS_JSON_FLAG)) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else for (const row of rows) console.log(`${row.name}: ${row.result} (target ${row.target})`);
}
