// The signed requester played against a real Bolt app and the fake Slack: slash commands, button
// clicks, modal submissions and message events arrive as Slack sends them, answers land in the fake.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNothingRejected,
  fakeWebClient,
  quietSlackLogger as logger,
  testBotToken,
  useFakeSlack,
} from '../support/fake-slack.js';
import { SlackRequester } from '../support/slack-requests.js';

const fakeSlack = useFakeSlack({
  channels: ['C0PLATFORM1'],
  users: [{ id: 'U0ALICE01', name: 'alice' }],
});
const client = () => fakeWebClient(fakeSlack());
const approveButton = (value: string) => ({
  type: 'actions' as const,
  elements: [
    {
      type: 'button' as const,
      action_id: 'approve',
      text: { type: 'plain_text' as const, text: 'Approve' },
      value,
    },
  ],
});

describe('SlackRequester against a real Bolt app', () => {
  const signingSecret = 'test-signing-secret';
  const heard: unknown[] = [];
  let app: App;
  let slack: SlackRequester;

  beforeAll(async () => {
    app = new App({
      token: testBotToken,
      signingSecret,
      logger,
      deferInitialization: true,
      clientOptions: { slackApiUrl: fakeSlack().url, logger },
    });
    app.command('/echo', async ({ command, ack, respond }) => {
      await ack({ text: `echo ${command.text}` });
      await respond({ response_type: 'in_channel', text: `from ${command.user_name}` });
    });
    app.command('/form', async ({ ack, body, client: web }) => {
      await ack();
      const input = { type: 'plain_text_input', action_id: 'input' };
      const title = { type: 'plain_text' as const, text: 'Why?' };
      const blocks = [{ type: 'input', block_id: 'reason', label: title, element: input }];
      await web.views.open({
        trigger_id: body.trigger_id,
        view: { type: 'modal', callback_id: 'form', title, submit: title, blocks },
      });
    });
    app.view('form', async ({ ack, view }) => {
      const reason = view.state.values.reason?.input?.value;
      await ack(reason ? undefined : { response_action: 'errors', errors: { reason: 'Say why' } });
    });
    app.action('approve', async ({ ack, body, action, client: web }) => {
      await ack();
      if (body.type !== 'block_actions' || action.type !== 'button') return;
      const ts = body.message?.ts ?? '';
      const text = `approved ${action.value}`;
      await web.chat.update({ channel: body.channel?.id ?? '', ts, text, blocks: [] });
    });
    app.message(async ({ message }) => {
      heard.push(message);
    });
    await app.init();
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    slack = new SlackRequester({ appUrl, signingSecret, fakeSlack: fakeSlack() });
  });
  afterAll(() => app.stop());

  it('sends a slash command Bolt accepts; ack body and response_url reply show up', async () => {
    const command = { command: '/echo', text: 'hi', userId: 'U0ALICE01', channelId: 'C0PLATFORM1' };
    const answer = await slack.slashCommand(command);
    expect(answer).toMatchObject({ status: 200, body: { text: 'echo hi' } });
    expect(answer.elapsedMs).toBeLessThan(3000);
    await fakeSlack().waitForCall('response_url');
    expect(fakeSlack().messages.ephemeralsFor('C0PLATFORM1', 'U0ALICE01')[0]?.text).toBe('echo hi');
    expect(
      fakeSlack()
        .messagesIn('C0PLATFORM1')
        .map((m) => m.text),
    ).toEqual(['from alice']);
    expect((await slack.slashCommand({ ...command, timestampOffsetSeconds: -600 })).status).toBe(
      401,
    );
    expect((await slack.slashCommand({ ...command, signatureOverride: 'v0=forged' })).status).toBe(
      401,
    );
    expectNothingRejected(fakeSlack());
  });

  it('clicks a button in a message with its own value; a removed button cannot be clicked', async () => {
    const card = await client().chat.postMessage({
      channel: 'C0PLATFORM1',
      text: 'Roll back?',
      blocks: [approveButton('req-42')],
    });
    const click = {
      userId: 'U0ALICE01',
      channelId: 'C0PLATFORM1',
      messageTs: card.ts!,
      actionId: 'approve',
    };
    expect((await slack.blockAction(click)).status).toBe(200);
    const update = await fakeSlack().waitForCall('chat.update');
    expect(update.args).toMatchObject({ ts: card.ts, text: 'approved req-42', blocks: [] });
    await expect(slack.blockAction(click)).rejects.toThrow(/No button approve/);
  });

  it('submits a modal: errors keep it open, a valid answer closes it', async () => {
    await slack.slashCommand({
      command: '/form',
      text: '',
      userId: 'U0ALICE01',
      channelId: 'C0PLATFORM1',
    });
    const opened = await fakeSlack().waitForCall('views.open');
    const viewId = (opened.response.view as { id: string }).id;
    const empty = await slack.viewSubmission({ userId: 'U0ALICE01', viewId });
    expect(empty.body).toMatchObject({ response_action: 'errors' });
    expect(fakeSlack().views.openModals('U0ALICE01')).toHaveLength(1);
    const values = { reason: { input: { type: 'plain_text_input', value: 'bad rollout' } } };
    await slack.viewSubmission({ userId: 'U0ALICE01', viewId, values });
    expect(fakeSlack().views.openModals('U0ALICE01')).toHaveLength(0);
  });

  it('delivers a thread reply typed by a person as a message event', async () => {
    const parent = await client().chat.postMessage({
      channel: 'C0PLATFORM1',
      text: 'Daily status',
    });
    const typed = { userId: 'U0ALICE01', channelId: 'C0PLATFORM1', text: 'db upgrade done' };
    const { response } = await slack.message({ ...typed, threadTs: parent.ts! });
    expect(response.status).toBe(200);
    await expect
      .poll(() => heard)
      .toContainEqual(
        expect.objectContaining({
          text: 'db upgrade done',
          thread_ts: parent.ts,
          user: 'U0ALICE01',
        }),
      );
    expect(fakeSlack().messages.thread('C0PLATFORM1', parent.ts!)).toHaveLength(2);
  });
});
