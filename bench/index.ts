// `npm run bench`: runs every benchmark module in bench/ and prints one table of results beside targets.
import { readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';

interface BenchRow {
  name: string;
  result: string;
  target: string;
}

const here = new URL('.', import.meta.url);
const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
const rows: BenchRow[] = [];
for (const file of files) {
  const module = (await import(new URL(file, here).href)) as { run?: () => Promise<BenchRow[]> };
  if (typeof module.run === 'function') rows.push(...(await module.run()));
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
