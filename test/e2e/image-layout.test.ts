// The container image without a Docker engine: `npm run build`'s compiler settings into a temporary
// dist/, the files laid out as the Dockerfile's last stage copies them, and that layout run as the image
// runs it — compiled JavaScript only, with production dependencies only (no TypeScript, no tsx).
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { cleanEnv, freePort, runCli, startServer } from '../support/run-cli.js';
import { SlackRequester } from '../support/slack-requests.js';
import { createTestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
let work: string;
let image: string;
let command: string[];

/** The last stage's COPY instructions: [from stage or undefined, source, destination]. */
function runtimeCopies(): Array<{ from?: string; source: string; destination: string }> {
  const lines = readFileSync(join(root, 'Dockerfile'), 'utf8')
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  const lastFrom = lines.findLastIndex((line) => line.startsWith('FROM '));
  return lines
    .slice(lastFrom)
    .filter((line) => line.startsWith('COPY '))
    .map((line) => {
      const words = line.split(/\s+/).slice(1);
      const from = words[0]?.startsWith('--from=') ? words.shift()?.slice(7) : undefined;
      return { from, source: words[0] ?? '', destination: words[1] ?? '' };
    });
}

/** Where a stage's path comes from here: the build stage's dist/ is our temporary build. */
function stagePath(from: string | undefined, source: string, dist: string): string | undefined {
  if (from === undefined) return join(root, source);
  if (from === 'build' && source.startsWith('/app/dist/')) return join(dist, source.slice(10));
  return undefined;
}

/**
 * What `npm ci --omit=dev` would install, as links into this checkout's node_modules: every
 * production package at the top level (nested ones come with their parents).
 */
async function productionNodeModules(target: string): Promise<void> {
  const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const top = join(root, 'node_modules') + '/';
  for (const path of stdout.split('\n')) {
    const name = path.startsWith(top) ? path.slice(top.length) : '';
    const parts = name.split('/');
    if (name === '' || parts.length > (name.startsWith('@') ? 2 : 1)) continue;
    mkdirSync(dirname(join(target, name)), { recursive: true });
    if (!existsSync(join(target, name))) symlinkSync(path, join(target, name));
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'watchkeeper-image-'));
  const dist = join(work, 'dist');
  image = join(work, 'app');
  await run(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      dist,
    ],
    { timeout: 180_000 },
  );
  mkdirSync(image, { recursive: true });
  for (const copy of runtimeCopies()) {
    // As Docker does: a destination ending in / receives the source under its own name.
    const target = join(
      image,
      copy.destination,
      copy.destination.endsWith('/') ? basename(copy.source) : '',
    );
    if (copy.from === 'deps') {
      await productionNodeModules(target);
      continue;
    }
    const source = stagePath(copy.from, copy.source, dist);
    if (!source) throw new Error(`COPY --from=${copy.from} ${copy.source}: unknown stage path`);
    cpSync(source, target, { recursive: true });
  }
  const [entrypoint] = /ENTRYPOINT (\[.*\])/
    .exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))
    ?.slice(1)
    .map((json) => JSON.parse(json) as string[]) ?? [[]];
  expect(entrypoint?.[0]).toBe('node');
  command = (entrypoint ?? [])
    .slice(1)
    .map((arg) => (arg.startsWith('bin/') ? join(image, arg) : arg));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the image layout', () => {
  it('holds compiled JavaScript, the migrations and the console page, and no TypeScript', () => {
    const files = filesUnder(image).map((file) => file.slice(image.length + 1));
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(existsSync(join(image, 'node_modules/pg'))).toBe(true);
    expect(existsSync(join(image, 'node_modules/tsx'))).toBe(false);
    for (const expected of ['bin/watchkeeper.js', 'src/cli.js', 'src/main.js', 'package.json'])
      expect(files).toContain(expected);
    expect(
      files.filter((file) => file.startsWith('migrations/') && file.endsWith('.sql')).length,
    ).toBe(readdirSync(join(root, 'migrations')).filter((file) => file.endsWith('.sql')).length);
    expect(existsSync(join(image, 'src/sandbox/console/static/index.html'))).toBe(true);
    expect(dirname(command.at(-1) ?? '')).toBe(join(image, 'bin'));
  });

  it('runs `check` on the cluster app.yaml', async () => {
    const config = join(root, 'manifest/kubernetes/app.yaml');
    const result = await runCli(['check', '--config', config], cleanEnv(), 30_000, command);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ok: /);
    expect(result.code).toBe(0);
  });

  it('starts, migrates a fresh database, answers a signed /oncall and stops on SIGTERM', async () => {
    const slack = await FakeSlackApi.start();
    const database = await createTestDatabase();
    const port = await freePort();
    try {
      const server = await startServer(
        cleanEnv({
          SLACK_BOT_TOKEN: 'xoxb-image-test',
          SLACK_SIGNING_SECRET: 'image-secret',
          SLACK_API_URL: slack.url,
          DATABASE_URL: database.url,
          APP_CONFIG: join(root, 'app.yaml'),
          NODE_ENV: 'production',
        }),
        port,
        60_000,
        command,
      );
      try {
        const requester = new SlackRequester({
          appUrl: `http://127.0.0.1:${port}/slack/events`,
          signingSecret: 'image-secret',
          fakeSlack: slack,
        });
        const response = await requester.slashCommand({
          command: '/oncall',
          text: '',
          userId: 'U0ALICE01',
          channelId: 'C0PLATFORM1',
        });
        expect(response.status).toBe(200);
        const reply = await slack.waitForCall('response_url');
        expect(JSON.stringify(reply.args.blocks)).toMatch(/<@U0[A-Z0-9]+> on duty|Not covered now/);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await slack.close();
      await database.close();
    }
  });
});
