// `npm run bench`: runs every benchmark module in bench/, each in a fresh process of its own (so one
// benchmark's heap, JIT state or leftover timers never colour another's figures), and prints one table
// of results beside targets.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ROWS_JSON_FLAG, type BenchRow } from './support/bench-row.js';

const here = new URL('.', import.meta.url);
const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();

/** Runs one module as a program; its rows are the last JSON line it prints. */
async function runModule(file: string): Promise<BenchRow[]> {
  const path = fileURLToPath(new URL(file, here));
  const child = spawn(process.execPath, [...process.execArgv, path, ROWS_JSON_FLAG], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const rowsLine = output
    .split('\n')
    .filter((line) => line.startsWith('['))
    .at(-1);
  if (code !== 0 || !rowsLine) {
    return [{ name: file, result: `failed (exit ${code}); see the output above`, target: '—' }];
  }
  return JSON.parse(rowsLine) as BenchRow[];
}

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`running bench/${file}…\n`);
  rows.push(...(await runModule(file)));
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`Watchkeeper benchmarks — ${machine}\n`);
const header: BenchRow = { name: 'benchmark', result: 'result', target: 'target' };
const widths = (['name', 'result', 'target'] as const).map((key) =>
  Math.max(...[header, ...rows].map((row) => row[key].length)),
);
const line = (row: BenchRow) =>
  `| ${row.name.padEnd(widths[0]!)} | ${row.result.padEnd(widths[1]!)} | ${row.target.padEnd(widths[2]!)} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (rows.length === 0) console.log('(no benchmarks yet)');
