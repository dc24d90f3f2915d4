#!/usr/bin/env node
// The `watchkeeper` command. In the container image src/ holds the compiled JavaScript (npm run build),
// which runs as it is; in a checkout it holds the TypeScript, which runs through tsx with no build step.
import { existsSync } from 'node:fs';

const compiled = new URL('../src/cli.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) {
    console.error('watchkeeper: tsx is not installed; run `npm ci` (with dev dependencies) first.');
    process.exit(1);
  }
  tsx.register();
  await import('../src/cli.ts');
}
