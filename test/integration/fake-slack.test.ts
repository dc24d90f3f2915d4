// The fake Slack Web API driven by the real @slack/web-api client: what Slack accepts, what it
// refuses (by Slack's error names), injected faults, response URLs, waits; and request signing.
import { createHmac } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import {
  expectNothingRejected,
  fakeWebClient,
  quietSlackLogger as logger,
  testBotToken,
  useFakeSlack,
  type RecordedCall,
} from '../support/fake-slack.js';
import { signSlackRequest } from '../support/slack-requests.js';

const channels = ['C0PLATFORM1', { id: 'C0SHOPDEV1', name: 'shop-dev' }];
const fakeSlack = useFakeSlack({
  channels,
  users: [{ id: 'U0ALICE01', name: 'alice', email: 'alice@example.com', tz: 'Europe/Zurich' }],
  userGroups: [{ id: 'S0ONCALLZH', handle: 'oncall-zurich', users: ['U0ALICE01'] }],
});

const errorOf = async (response: Response) => ((await response.json()) as { error?: string }).error;

const client = (retries = 0) => fakeWebClient(fakeSlack(), retries);

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (value: string, actionId = 'go') => ({
  type: 'actions' as const,
  elements: [
    {
      type: 'button' as const,
      action_id: actionId,
      text: { type: 'plain_text' as const, text: 'Go' },
      value,
    },
  ],
});
const rejectedWith = (error: string) => ({ data: expect.objectContaining({ ok: false, error }) });

describe('fake Slack Web API through @slack/web-api', () => {
  it('keeps a thread: postMessage, reply, update in place, conversations.replies', async () => {
    const slack = client();
    const parent = await slack.chat.postMessage({
      channel: 'C0PLATFORM1',
      text: 'Daily status',
      blocks: [section('*Daily status*')],
    });
    const reply = await slack.chat.postMessage({
      channel: 'C0PLATFORM1',
      thread_ts: parent.ts,
      text: 'all green',
    });
    expect(parent.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(reply.ts)).toBeGreaterThan(Number(parent.ts));
    await slack.chat.update({
      channel: 'C0PLATFORM1',
      ts: parent.ts!,
      text: 'Daily status (updated)',
    });

    const thread = await slack.conversations.replies({ channel: 'C0PLATFORM1', ts: parent.ts! });
    expect(thread.messages?.map((m) => m.text)).toEqual(['Daily status (updated)', 'all green']);
    expect(thread.messages?.[0]).toMatchObject({
      reply_count: 1,
      blocks: [section('*Daily status*')],
    });
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toHaveLength(2);

    const post = fakeSlack().callsTo('chat.postMessage')[0];
    expect(post).toMatchObject({ token: testBotToken, ok: true, args: { channel: 'C0PLATFORM1' } });
    expect(post?.args.blocks).toEqual([section('*Daily status*')]);
    expectNothingRejected(fakeSlack());
  });

  it('answers auth.test, users.*, usergroups.*, conversations.open and info', async () => {
    const slack = client();
    expect(await slack.auth.test()).toMatchObject({ user_id: 'U0WATCHBOT', team_id: 'T0WATCHKP1' });
    const alice = await slack.users.lookupByEmail({ email: 'Alice@example.com' });
    expect(alice.user).toMatchObject({ id: 'U0ALICE01', tz: 'Europe/Zurich' });
    expect(alice.user?.tz_offset).toBeGreaterThanOrEqual(3600);
    await expect(slack.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject(
      rejectedWith('users_not_found'),
    );
    await expect(slack.users.info({ user: 'U0NOBODY1' })).rejects.toMatchObject(
      rejectedWith('user_not_found'),
    );
    await slack.usergroups.users.update({ usergroup: 'S0ONCALLZH', users: 'U0BOB0001' });
    const groups = await slack.usergroups.list({ include_users: true });
    expect(groups.usergroups?.[0]).toMatchObject({ handle: 'oncall-zurich', users: ['U0BOB0001'] });
    await expect(
      slack.usergroups.users.update({ usergroup: 'S0ONCALLZH', users: '' }),
    ).rejects.toMatchObject(rejectedWith('invalid_users'));
    const dm = await slack.conversations.open({ users: 'U0ALICE01' });
    expect(dm.channel?.id).toBe('D0ALICE01');
    const info = await slack.conversations.info({ channel: 'C0SHOPDEV1' });
    expect(info.channel).toMatchObject({ id: 'C0SHOPDEV1', name: 'shop-dev', is_channel: true });
  });

  it('accepts exactly Slack limits and refuses one more, with Slack error names', async () => {
    const slack = client();
    const post = (blocks: unknown[]) =>
      slack.chat.postMessage({ channel: 'C0PLATFORM1', text: 'x', blocks: blocks as never });
    const header = (text: string) => ({ type: 'header', text: { type: 'plain_text', text } });
    await post(Array.from({ length: 50 }, () => ({ type: 'divider' })));
    await post([section('a'.repeat(3000)), button('v'.repeat(2000)), header('h'.repeat(150))]);
    expectNothingRejected(fakeSlack());

    const refusals: Array<[unknown[], string]> = [
      [Array.from({ length: 51 }, () => ({ type: 'divider' })), '/blocks'],
      [[section('a'.repeat(3001))], '/blocks/0/text/text'],
      [
        [{ type: 'context', elements: [{ type: 'mrkdwn', text: 'c'.repeat(3001) }] }],
        '/blocks/0/elements/0/text',
      ],
      [[button('v'.repeat(2001))], '/blocks/0/elements/0/value'],
      [[header('h'.repeat(151))], '/blocks/0/text/text'],
    ];
    for (const [blocks, pointer] of refusals) {
      await expect(post(blocks)).rejects.toMatchObject(rejectedWith('invalid_blocks'));
      expect(fakeSlack().calls.at(-1)?.response.errors).toEqual([
        expect.stringContaining(`[json-pointer:${pointer}]`),
      ]);
    }
    await expect(slack.chat.postMessage({ channel: 'C0PLATFORM1' } as never)).rejects.toMatchObject(
      rejectedWith('no_text'),
    );
    await expect(
      slack.chat.update({ channel: 'C0PLATFORM1', ts: '1700000000.000100', text: 'x' }),
    ).rejects.toMatchObject(rejectedWith('message_not_found'));
    await expect(
      slack.chat.postMessage({ channel: 'C0UNKNOWN1', text: 'x' }),
    ).rejects.toMatchObject(rejectedWith('channel_not_found'));
    const home = (count: number) => ({
      user_id: 'U0ALICE01',
      view: {
        type: 'home' as const,
        blocks: Array.from({ length: count }, () => ({ type: 'divider' as const })),
      },
    });
    await slack.views.publish(home(100));
    await expect(slack.views.publish(home(101))).rejects.toMatchObject(
      rejectedWith('invalid_arguments'),
    );
    await expect(
      new WebClient('xoxp-not-a-bot', { slackApiUrl: fakeSlack().url, logger }).auth.test(),
    ).rejects.toMatchObject(rejectedWith('invalid_auth'));
    await expect(slack.apiCall('chat.nonsense')).rejects.toMatchObject(
      rejectedWith('unknown_method'),
    );
    expect(fakeSlack().rejections()).toHaveLength(11);
  });

  it('refuses calls without a token and JSON bodies alike', async () => {
    const { url } = fakeSlack();
    const anonymous = await fetch(`${url}auth.test`, { method: 'POST' });
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
    const json = await fetch(`${url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testBotToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0PLATFORM1', blocks: [section('json body')] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0PLATFORM1' });
  });

  it('answers 429 with Retry-After, and the client waits before its retry', async () => {
    fakeSlack().failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 });
    const result = await client(1).chat.postMessage({ channel: 'C0PLATFORM1', text: 'hello' });
    expect(result.ok).toBe(true);
    const [limited, retried] = fakeSlack().callsTo('chat.postMessage');
    expect(limited).toMatchObject({ ok: false, error: 'ratelimited', httpStatus: 429 });
    expect(retried).toMatchObject({ ok: true });
    expect(retried!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(1000);
    expect(fakeSlack().rejections()).toEqual([]);
  });

  it('injects HTTP 500s and Slack errors, as many times as asked', async () => {
    fakeSlack().failNext('chat.update', { status: 500 });
    fakeSlack().failNext('chat.postMessage', { error: 'is_archived' }, 2);
    const slack = client();
    await expect(
      slack.chat.update({ channel: 'C0PLATFORM1', ts: '1.0', text: 'x' }),
    ).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(
        slack.chat.postMessage({ channel: 'C0PLATFORM1', text: 'x' }),
      ).rejects.toMatchObject(rejectedWith('is_archived'));
    }
    expect((await slack.chat.postMessage({ channel: 'C0PLATFORM1', text: 'x' })).ok).toBe(true);
  });

  it('opens a modal once per trigger id and refuses a stale hash', async () => {
    const slack = client();
    const trigger = fakeSlack().issueTriggerId('U0ALICE01');
    const modal = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Roll back' },
      blocks: [],
    };
    const opened = await slack.views.open({ trigger_id: trigger, view: modal });
    expect(
      fakeSlack()
        .views.openModals('U0ALICE01')
        .map((v) => v.id),
    ).toEqual([opened.view?.id]);
    await expect(slack.views.open({ trigger_id: trigger, view: modal })).rejects.toMatchObject(
      rejectedWith('trigger_exchanged'),
    );
    await slack.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: modal });
    await expect(
      slack.views.update({ view_id: opened.view!.id!, hash: opened.view!.hash!, view: modal }),
    ).rejects.toMatchObject(rejectedWith('hash_conflict'));
  });
});

describe('response_url on the fake', () => {
  const postTo = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('records replies, shows them as Slack would, and stops after five uses', async () => {
    const url = fakeSlack().responseUrl({ channelId: 'C0PLATFORM1', userId: 'U0ALICE01' });
    expect(url.startsWith(`${fakeSlack().origin}/response/`)).toBe(true);
    const reply = { response_type: 'ephemeral', text: 'Only you', blocks: [section('Only you')] };
    expect((await postTo(url, reply)).status).toBe(200);
    const call = await fakeSlack().waitForCall('response_url');
    expect(call).toMatchObject({ ok: true, args: reply });
    expect(fakeSlack().messages.ephemeralsFor('C0PLATFORM1', 'U0ALICE01')[0]?.text).toBe(
      'Only you',
    );

    await postTo(url, { response_type: 'in_channel', text: 'Everyone' });
    expect(
      fakeSlack()
        .messagesIn('C0PLATFORM1')
        .map((m) => m.text),
    ).toEqual(['Everyone']);
    const invalid = await postTo(url, { blocks: [section('x'.repeat(3001))] });
    expect([invalid.status, await errorOf(invalid)]).toEqual([400, 'invalid_blocks']);
    await postTo(url, { text: 'four' });
    await postTo(url, { text: 'five' });
    const sixth = await postTo(url, { text: 'six' });
    expect([sixth.status, await errorOf(sixth)]).toEqual([404, 'used_url']);
  });

  it('replaces the clicked message with replace_original', async () => {
    const posted = await client().chat.postMessage({ channel: 'C0PLATFORM1', text: 'Approve?' });
    const url = fakeSlack().responseUrl({
      channelId: 'C0PLATFORM1',
      userId: 'U0ALICE01',
      messageTs: posted.ts!,
    });
    await postTo(url, { replace_original: true, text: 'Approved by alice' });
    expect(fakeSlack().messagesIn('C0PLATFORM1')).toMatchObject([
      { text: 'Approved by alice', updateCount: 1 },
    ]);
  });
});

describe('waitForCall', () => {
  it('finds a call made before the wait, waits for a later one, and times out naming what came', async () => {
    const slack = client();
    const streamed: string[] = [];
    const listener = (call: RecordedCall) => streamed.push(call.method);
    fakeSlack().on('call', listener);
    await slack.chat.postMessage({ channel: 'C0PLATFORM1', text: 'first' });
    fakeSlack().off('call', listener);
    expect(streamed).toEqual(['chat.postMessage']);
    await expect(fakeSlack().waitForCall('chat.postMessage')).resolves.toMatchObject({
      args: { text: 'first' },
    });
    const later = fakeSlack().waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    await slack.chat.postMessage({ channel: 'C0PLATFORM1', text: 'second' });
    await expect(later).resolves.toMatchObject({ args: { text: 'second' } });
    await expect(fakeSlack().waitForCall('views.open', undefined, 50)).rejects.toThrow(
      /No matching views.open call within 50 ms; calls recorded: chat.postMessage, chat.postMessage/,
    );
  });
});

describe('signSlackRequest', () => {
  it("matches Slack's documented example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('equals an HMAC computed independently', () => {
    const expected = createHmac('sha256', 'secret').update('v0:1700000000:{"a":1}').digest('hex');
    expect(signSlackRequest('secret', '{"a":1}', 1700000000)['x-slack-signature']).toBe(
      `v0=${expected}`,
    );
  });
});
