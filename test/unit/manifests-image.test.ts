// What can be checked of the container image without a Docker engine: the Dockerfile's instructions,
// that everything it copies exists and passes .dockerignore, that production dependencies are enough
// to run the code, and that the image's command runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/run-cli.js';

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Instruction {
  name: string;
  args: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
function instructions(): Instruction[] {
  const logical = read('Dockerfile')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return logical.map((line) => {
    const [name = '', ...rest] = line.trim().split(/\s+/);
    return { name: name.toUpperCase(), args: rest.join(' ') };
  });
}

const all = (name: string) => instructions().filter((i) => i.name === name);

/** COPY sources taken from the build context (not from another stage). */
function contextSources(): string[] {
  return all('COPY')
    .filter((copy) => !copy.args.startsWith('--from'))
    .flatMap((copy) => copy.args.split(/\s+/).slice(0, -1));
}

/** Bare package names imported (not only as types) by the code the image runs. */
function runtimeImports(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(join(root, dir))) {
      const path = join(dir, entry);
      if (statSync(join(root, path)).isDirectory()) visit(path);
      else if (/\.(ts|js)$/.test(entry)) {
        const text = read(path);
        const found = text.matchAll(
          /^\s*(?:import|export)(?!\s+type\b)(?:[^'"]*?from\s+|\s+)'([^'.][^']*)'|import\('([^'.][^']*)'\)/gm,
        );
        for (const match of found) {
          const specifier = match[1] ?? match[2] ?? '';
          const parts = specifier.split('/');
          names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
        }
      }
    }
  };
  for (const dir of ['bin', 'src', 'commands']) visit(dir);
  return names;
}

describe('Dockerfile', () => {
  it('compiles in one stage, installs production dependencies in another, from a pinned Node LTS', () => {
    const args = instructions().find((i) => i.name === 'ARG')?.args ?? '';
    expect(args).toMatch(/^NODE_IMAGE=node:22-bookworm-slim$/);
    expect(all('FROM').map((f) => f.args)).toEqual([
      '${NODE_IMAGE} AS build',
      '${NODE_IMAGE} AS deps',
      '${NODE_IMAGE}',
    ]);
    expect(all('RUN').map((run) => run.args)).toEqual(
      expect.arrayContaining(['npm run build', expect.stringMatching(/^npm ci --omit=dev /)]),
    );
    const fromStages = all('COPY')
      .filter((copy) => copy.args.startsWith('--from='))
      .map((copy) => copy.args.split(/\s+/).slice(0, 2).join(' '));
    expect(fromStages).toEqual([
      '--from=deps /app/node_modules',
      '--from=build /app/dist/src',
      '--from=build /app/dist/commands',
    ]);
    const build = JSON.parse(read('tsconfig.build.json')) as {
      compilerOptions: { outDir: string };
    };
    expect(build.compilerOptions.outDir).toBe('dist');
  });

  it('runs the watchkeeper command as a numeric non-root user, without a HEALTHCHECK', () => {
    expect(all('ENTRYPOINT').map((i) => i.args)).toEqual([
      '["node", "--enable-source-maps", "bin/watchkeeper.js"]',
    ]);
    expect(all('CMD').map((i) => i.args)).toEqual(['["start"]']);
    expect(existsSync(join(root, 'bin/watchkeeper.js'))).toBe(true);
    const [user] = all('USER').map((i) => i.args);
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(all('HEALTHCHECK')).toEqual([]);
    expect(all('EXPOSE').map((i) => i.args)).toEqual(['3000']);
  });

  it('copies only paths that exist and that .dockerignore lets into the build context', () => {
    const ignore = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ignore[0]).toBe('*');
    const allowed = new Set(ignore.slice(1).map((line) => line.replace(/^!|\/$/g, '')));
    const sources = contextSources();
    expect(sources).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'bin', 'src', 'migrations']),
    );
    const letIn = (path: string) =>
      path.split('/').some((_, i, parts) => allowed.has(parts.slice(0, i + 1).join('/')));
    for (const source of sources) {
      expect(existsSync(join(root, source)), source).toBe(true);
      expect(letIn(source), `${source} is left out by .dockerignore`).toBe(true);
    }
  });

  it('needs no devDependency at run time (the image installs with --omit=dev)', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    // bin/watchkeeper.js loads tsx only where src/ holds TypeScript (a checkout), never in the image.
    const checkoutOnly = new Set(['tsx']);
    const missing = [...runtimeImports()].filter(
      (name) =>
        !name.startsWith('node:') &&
        !builtins.has(name) &&
        !(name in pkg.dependencies) &&
        !checkoutOnly.has(name),
    );
    expect(missing).toEqual([]);
  });

  it("runs the image's command line: `check --config app.yaml`, for the repository's and the cluster's app.yaml", async () => {
    for (const config of ['app.yaml', 'manifest/kubernetes/app.yaml']) {
      const result = await runCli(['check', '--config', join(root, config)], cleanEnv());
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^ok: /);
      expect(result.code).toBe(0);
    }
  });
});
