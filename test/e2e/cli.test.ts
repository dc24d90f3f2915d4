// The `watchkeeper` command as an operator runs it: check, start without credentials, a broken config,
// an unreachable database, and a full start against a fake Slack answering /healthz and a signed /oncall.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../src/sandbox/slack/fake-slack-api.js';
import { SlackRequester } from '../support/slack-requests.js';
import { createTestDatabase } from '../support/test-database.js';
import { cleanEnv, freePort, runCli, startServer } from '../support/run-cli.js';

const fixtures = new URL('../fixtures/config/', import.meta.url).pathname;

describe('watchkeeper check', () => {
  it('says ok with a summary for the repository app.yaml', async () => {
    const result = await runCli(['check'], cleanEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: \.\/app\.yaml — 2 clusters, \d+ teams?, \d+ rotations/);
  });

  it('prints every problem with its path and line and exits 1', async () => {
    const result = await runCli(
      ['check', '--config', `${fixtures}three-problems.yaml`],
      cleanEnv(),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/3 problem\(s\)/);
    expect(result.stderr.match(/\(line \d+\)/g)).toHaveLength(3);
  });

  it('names a missing file', async () => {
    const result = await runCli(['check', '--config', '/nonexistent/app.yaml'], cleanEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/nonexistent/app.yaml');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('has a broken-config fixture for at least ten kinds of mistake', () => {
    expect(readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(
      10,
    );
  });
});

// Without Slack credentials `watchkeeper start` runs the sandbox: see sandbox-start.test.ts.
describe('watchkeeper start refuses to run, in one sentence', () => {
  it('with a broken app.yaml, saying what is wrong where', async () => {
    const env = cleanEnv({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      APP_CONFIG: `${fixtures}bad-zone.yaml`,
    });
    const result = await runCli(['start'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not an IANA time zone \(line \d+\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('with an unreachable database', async () => {
    const env = cleanEnv({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      DATABASE_URL: 'postgres://watchkeeper:s3cret@127.0.0.1:1/watchkeeper',
    });
    const result = await runCli(['start'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not connect to PostgreSQL at 127.0.0.1:1');
    expect(result.stderr).not.toContain('s3cret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('npm start from outside, against a fake Slack', () => {
  let slack: FakeSlackApi;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await slack?.close();
    await database?.close();
  });

  it('answers /healthz and a signed /oncall, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const server = await startServer(
      cleanEnv({
        SLACK_BOT_TOKEN: 'xoxb-outside-test',
        SLACK_SIGNING_SECRET: 'outside-secret',
        SLACK_API_URL: slack.url,
        DATABASE_URL: database.url,
      }),
      port,
    );
    try {
      const requester = new SlackRequester({
        appUrl: `http://127.0.0.1:${port}/slack/events`,
        signingSecret: 'outside-secret',
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
    expect(server.output()).not.toContain('xoxb-outside-test');
    expect(server.output()).toContain('"msg":"watchkeeper stopped"');
  });
});
