// `npm start` with no Slack credentials runs the sandbox, as a newcomer would: it comes up in under
// 30 s on its own, says where the console is, answers /oncall, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The environment of someone who has set nothing up: no Slack variables at all. */
function bareEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info' };
  for (const key of Object.keys(env)) if (key.startsWith('SLACK_')) delete env[key];
  delete env.DATABASE_URL;
  delete env.APP_CONFIG;
  return { ...env, ...extra };
}

function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['bin/watchkeeper.js', ...args], { env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(check: () => boolean, timeoutMs: number, what: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopOnExit(child: ChildProcess, dir: string) {
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });
}

describe('npm start without Slack credentials', () => {
  it('runs the sandbox in under 30 s, serves the console, answers /oncall and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'watchkeeper-start-'));
    const port = await freePort();
    const started = Date.now();
    const app = run(['start'], bareEnv({ PORT: String(port), WATCHKEEPER_DATA_DIR: dataDir }));
    stopOnExit(app.child, dataDir);
    await waitFor(() => app.output().includes('is up in'), 30_000, app.output);
    const elapsed = (Date.now() - started) / 1000;
    const banner = app.output();
    const reported = Number(/is up in ([\d.]+) s/.exec(banner)?.[1]);
    console.log(`npm start → console up: ${reported} s reported, ${elapsed.toFixed(1)} s measured`);
    expect(reported).toBeLessThan(30);
    expect(elapsed).toBeLessThan(30);
    expect(banner).toContain(`open http://localhost:${port}`);
    expect(banner).toContain('prod-eu, staging');

    const base = `http://localhost:${port}`;
    expect(await (await fetch(base)).text()).toContain('<title>Watchkeeper sandbox</title>');
    const kubeconfig = readFileSync(join(dataDir, 'sandbox', 'kubeconfig'), 'utf8');
    expect(kubeconfig).toContain('name: prod-eu');
    expect(kubeconfig).toContain('name: staging');
    expect(kubeconfig).toContain('http://127.0.0.1:');
    expect(existsSync(join(dataDir, 'sandbox', 'pglite'))).toBe(true);

    const sent = await fetch(`${base}/api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'U0ALICE01', channel: 'C0PLATFORM1', text: '/oncall' }),
    });
    expect(sent.status).toBe(200);
    await expect
      .poll(
        async () => JSON.stringify(await (await fetch(`${base}/api/state?user=U0ALICE01`)).json()),
        { timeout: 10_000 },
      )
      .toContain('On call now');

    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    await expect(fetch(base)).rejects.toThrow();
  }, 60_000);

  it('`watchkeeper sandbox` says so in a sentence when the console port is taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'watchkeeper-start-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const app = run(
      ['sandbox'],
      bareEnv({
        PORT: String(port),
        WATCHKEEPER_DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-real',
        SLACK_SIGNING_SECRET: 'real-secret',
      }),
    );
    stopOnExit(app.child, dataDir);
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`Port ${port} is in use: stop what runs there, or set PORT.`);
  });
});
