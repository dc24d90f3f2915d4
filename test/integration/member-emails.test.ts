// People written as emails in app.yaml, looked up with users.lookupByEmail through the real Web API
// client against the fake Slack: replaced by member ids, looked up once, and every address Slack
// cannot resolve named in one line, with the person left out and everything else working.
import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/log.js';
import { resolvePeople } from '../../src/slack/people/resolve-people.js';
import { slackDirectory, type PeopleDirectory } from '../../src/slack/people/slack-directory.js';
import {
  fakeWebClient,
  quietSlackLogger,
  testBotToken,
  useFakeSlack,
} from '../support/fake-slack.js';

const fakeSlack = useFakeSlack({
  users: [
    { id: 'U0ALICE01', name: 'alice', email: 'alice@example.com', tz: 'Europe/Zurich' },
    { id: 'U0BOB0001', name: 'bob', email: 'bob@example.com', tz: 'Europe/Zurich' },
    { id: 'U0CAROL01', name: 'carol', email: 'Carol@Example.com', tz: 'Europe/Zurich' },
    { id: 'U0DAVE001', name: 'dave', email: 'dave@example.com', tz: 'America/Los_Angeles' },
  ],
});

const rotation = (name: string, members: string) => `
      - name: ${name}
        handoff: { day: mon, time: "09:00" }
        start: 2026-01-05
        members: ${members}`;

const config = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    managers: [carol@example.com, U0MANAGER1]
    rotations:${rotation('zurich', '[alice@example.com, U0BOB0001, carol@example.com, nobody@example.com]')}${rotation('palo-alto', '[dave@example.com, ALICE@example.com]')}${rotation('ghosts', '[ghost@example.com, nobody@example.com]')}${rotation('twice', '[U0BOB0001, bob@example.com]')}
rollback:
  requesters: { users: [ghost@example.com, U0ERIN001] }
  approvers: { users: [alice@example.com, U0MANAGER1], onCall: true }
`);

function capturingLogger() {
  const lines: Array<{ level: string; msg: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as { level: string; msg: string });
      }
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

const rotationMembers = (resolved: typeof config) =>
  Object.fromEntries(resolved.teams[0]!.rotations.map((r) => [r.name, r.members]));

const copyId = 'Profile → ⋯ → Copy member ID';

describe('resolvePeople against Slack', () => {
  it('replaces every email with its member id and leaves out whoever Slack does not know', async () => {
    const { logger, lines } = capturingLogger();
    const directory = slackDirectory(fakeWebClient(fakeSlack()));
    const {
      config: resolved,
      problems,
      incompleteRotations,
    } = await resolvePeople(config, directory, logger);

    expect(rotationMembers(resolved)).toEqual({
      zurich: ['U0ALICE01', 'U0BOB0001', 'U0CAROL01'],
      'palo-alto': ['U0DAVE001', 'U0ALICE01'],
      ghosts: [],
      twice: ['U0BOB0001'],
    });
    expect(resolved.teams[0]!.managers).toEqual(['U0CAROL01', 'U0MANAGER1']);
    expect(resolved.rollback.approvers).toEqual({
      userGroups: [],
      users: ['U0ALICE01', 'U0MANAGER1'],
      onCall: true,
    });
    expect(resolved.rollback.requesters?.users).toEqual(['U0ERIN001']);
    expect(incompleteRotations).toEqual(['zurich', 'ghosts']);

    const unknown = (email: string, place: string, consequence: string) =>
      `${place}: Slack has no user with the email ${email} — check the address, or write their ` +
      `Slack member id instead (${copyId}); ${consequence} until then.`;
    const leftOut = 'they are left out of the rotation';
    expect(problems).toEqual([
      unknown('nobody@example.com', 'rotation "zurich"', leftOut),
      unknown('ghost@example.com', 'rotation "ghosts"', leftOut),
      unknown('nobody@example.com', 'rotation "ghosts"', leftOut),
      'rotation "ghosts": none of its members could be found in Slack, so app.yaml gives it ' +
        'nobody to put on duty — fix the addresses above.',
      'rotation "twice": bob@example.com is U0BOB0001, who is already a member; they are listed once.',
      unknown(
        'ghost@example.com',
        'rollback.requesters.users',
        'they may not request rollbacks as a listed requester',
      ),
    ]);
    const warnings = lines.filter((line) => line.level === 'warn').map((line) => line.msg);
    expect(warnings).toEqual(problems);
  });

  it('asks Slack once per distinct address (ignoring case), and remembers the answers', async () => {
    const { logger } = capturingLogger();
    const directory = slackDirectory(fakeWebClient(fakeSlack()));
    await resolvePeople(config, directory, logger);
    const asked = fakeSlack()
      .callsTo('users.lookupByEmail')
      .map((call) => String(call.args.email));
    expect(asked.sort()).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'ghost@example.com',
      'nobody@example.com',
    ]);
    fakeSlack().clearCalls();
    const again = await resolvePeople(config, directory, logger);
    expect(fakeSlack().callsTo('users.lookupByEmail')).toEqual([]);
    expect(rotationMembers(again.config).zurich).toEqual(['U0ALICE01', 'U0BOB0001', 'U0CAROL01']);
  });

  it('leaves a configuration without emails as it is, without calling Slack', async () => {
    const { logger } = capturingLogger();
    const idsOnly = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:${rotation('zurich', '[U0ALICE01, U0BOB0001]')}
`);
    const result = await resolvePeople(idsOnly, slackDirectory(fakeWebClient(fakeSlack())), logger);
    expect(result).toEqual({ config: idsOnly, problems: [], incompleteRotations: [] });
    expect(fakeSlack().calls).toEqual([]);
  });
});

describe('when the lookup itself fails', () => {
  const small = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:${rotation('zurich', '[U0BOB0001, carol@example.com]')}
`);

  it('says a missing users:read.email scope in one line, and tries again later', async () => {
    const { logger } = capturingLogger();
    const directory = slackDirectory(fakeWebClient(fakeSlack()));
    fakeSlack().failNext('users.lookupByEmail', { error: 'missing_scope' });
    const first = await resolvePeople(small, directory, logger);
    expect(first.problems).toEqual([
      'rotation "zurich": could not look up carol@example.com in Slack (Slack says missing_scope) — ' +
        'give the Slack app the users:read.email scope and reinstall it; they are left out of the ' +
        'rotation until the app restarts.',
    ]);
    expect(rotationMembers(first.config).zurich).toEqual(['U0BOB0001']);
    const second = await resolvePeople(small, directory, logger);
    expect(second.problems).toEqual([]);
    expect(rotationMembers(second.config).zurich).toEqual(['U0BOB0001', 'U0CAROL01']);
  });

  it('says Slack rate-limited the lookup', async () => {
    const { logger } = capturingLogger();
    fakeSlack().failNext('users.lookupByEmail', { status: 429, retryAfterSeconds: 0 });
    const { problems } = await resolvePeople(
      small,
      slackDirectory(fakeWebClient(fakeSlack())),
      logger,
    );
    expect(problems).toEqual([
      'rotation "zurich": could not look up carol@example.com in Slack (Slack rate-limited the bot); ' +
        'they are left out of the rotation until the app restarts.',
    ]);
  });

  it('says Slack could not be reached', async () => {
    const { logger } = capturingLogger();
    const nowhere = new WebClient(testBotToken, {
      slackApiUrl: 'http://127.0.0.1:9/api/',
      logger: quietSlackLogger,
      retryConfig: { retries: 0 },
    });
    const { problems, config: resolved } = await resolvePeople(
      small,
      slackDirectory(nowhere),
      logger,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^rotation "zurich": could not look up carol@example.com in Slack \(could not reach Slack \(.+\)\) — check the network and SLACK_API_URL; they are left out of the rotation until the app restarts\.$/,
    );
    expect(rotationMembers(resolved).zurich).toEqual(['U0BOB0001']);
  });

  it('looks up a few addresses at a time', async () => {
    const { logger } = capturingLogger();
    let running = 0;
    let most = 0;
    const slow: PeopleDirectory = {
      async lookupByEmail(email) {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return `U0${email.split('@')[0]!.toUpperCase()}`;
      },
    };
    const members = Array.from({ length: 12 }, (_, i) => `person${i}@example.com`);
    const many = parseConfig(`
teams:
  - name: platform
    channel: C0PLATFORM1
    rotations:${rotation('zurich', `[${members.join(', ')}]`)}
`);
    const { config: resolved } = await resolvePeople(many, slow, logger);
    expect(rotationMembers(resolved).zurich).toHaveLength(12);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });
});
