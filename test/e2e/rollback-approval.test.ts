// The rollback story as the shop team lives it: `/k8s rollback shop/web` posts a card; the requester asks;
// they cannot approve their own request, an outsider cannot either; a second person approves; the API
// server receives exactly one patch bringing revision 1's template back; the card follows the rollout to complete.
import { afterEach, describe, expect, it } from 'vitest';
import { rollbackButton, rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import { rollbackActions } from '../../src/slack/views/rollback-actions.js';
import {
  APPROVER,
  ONCALL,
  OUTSIDER,
  REQUESTER,
  SHOP,
  WEB_NEW,
  WEB_OLD,
  advance,
  click,
  messageText,
  notesFor,
  startRollbackWorld,
  tickUntil,
  typeK8s,
  typeRollback,
  waitForText,
  webImage,
  webPatches,
  type RollbackWorld,
} from './rollback-harness.js';

let world: RollbackWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('a Roll back button on another message (a rollout notice)', () => {
  it('opens the request in that message thread and leaves the message as it is', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web');
    const { bot } = world.slack.workspace;
    const notice = world.slack.messages.post({
      channel: SHOP,
      user: bot.botUserId,
      botId: bot.botId,
      text: 'shop/web rollout to revision 2 is failing',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'shop/web revision 2 is failing' } },
        { type: 'actions', elements: [rollbackButton('1', 'shop/web to revision 1')] },
      ],
    });
    const noticeMessage = { channel: SHOP, ts: notice.ts };
    world.slack.clearCalls();
    await click(world, noticeMessage, rollbackRequestAction, REQUESTER);
    const reply = await world.slack.waitForCall('chat.postMessage');
    expect(reply.args.thread_ts).toBe(notice.ts);
    const request = { channel: SHOP, ts: String(reply.response.ts) };
    expect(await waitForText(world, request, (t) => t.includes('asks to roll back'))).toContain(
      `<@${REQUESTER}> asks to roll back *shop/web* to revision 1`,
    );
    expect(messageText(world, noticeMessage)).toContain('revision 2 is failing');
    expect(messageText(world, card)).not.toContain('asks to roll back');
    await click(world, request, rollbackActions.approve, APPROVER);
    await waitForText(world, request, (t) => t.includes('Rolled back'));
    expect(webPatches(world)).toHaveLength(1);
  });
});

describe('a rollback with a second person', () => {
  it('goes from card to request to one patch to a complete rollout', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web');
    const offered = await waitForText(world, card, (t) => t.includes('Roll back'));
    expect(offered).toContain('*Now:* revision 2 — `' + WEB_NEW + '`');
    expect(offered).toContain('*Back to:* revision 1 — `' + WEB_OLD + '`');
    expect(offered).toContain('release 1.4.1');
    expect(offered).toContain(`\`web\`: \`${WEB_NEW}\` → \`${WEB_OLD}\``);
    expect(offered).not.toContain('hunter2');
    expect(offered).not.toContain('break-glass');

    await click(world, card, rollbackRequestAction, REQUESTER);
    const pending = await waitForText(world, card, (t) => t.includes('asks to roll back'));
    expect(pending).toContain(`<@${REQUESTER}> asks to roll back *shop/web* to revision 1`);
    expect(pending).toContain(`<@${APPROVER}>`);
    expect(pending).toContain(`the current on-call (<@${ONCALL}>)`);
    expect(pending).toContain(`On call now: <@${ONCALL}>`);
    expect(pending).toContain('Expires <!date^');

    await click(world, card, rollbackActions.approve, REQUESTER);
    const [selfNote] = await notesFor(world, REQUESTER);
    expect(selfNote).toContain('You asked for this rollback; someone else has to approve it');
    await click(world, card, rollbackActions.approve, OUTSIDER);
    const [outsiderNote] = await notesFor(world, OUTSIDER);
    expect(outsiderNote).toContain('Only');
    expect(outsiderNote).toContain('may approve rollbacks in shop');
    expect(webPatches(world)).toHaveLength(0);

    await click(world, card, rollbackActions.approve, APPROVER);
    const rolledBack = await waitForText(world, card, (t) => t.includes('Rolled back'));
    expect(rolledBack).toContain(`Approved by <@${APPROVER}>`);
    expect(rolledBack).not.toContain('Approve the rollback?');
    expect(webPatches(world)).toHaveLength(1);
    expect(webPatches(world)[0]?.contentType).toContain('application/json-patch+json');
    expect(webImage(world)).toBe(WEB_OLD);

    await advance(world, 6_000);
    const complete = await tickUntil(world, card, (t) => t.includes('Rollout complete'));
    expect(complete).toContain(':white_check_mark:');
    expect(complete).toMatch(/took \d+ s/);

    const audit = await typeK8s(world, 'audit shop/web');
    for (const step of ['requested by', 'approved by', 'rollback started', 'patched', 'succeeded'])
      expect(audit).toContain(step);
    expect(audit).toContain(`refused <@${OUTSIDER}> (approve)`);
    expect(world.slack.rejections()).toEqual([]);
  });

  it('is turned down with Reject, and the buttons go away', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web');
    await click(world, card, rollbackRequestAction, REQUESTER);
    await waitForText(world, card, (t) => t.includes('asks to roll back'));
    await click(world, card, rollbackActions.reject, OUTSIDER);
    expect((await notesFor(world, OUTSIDER))[0]).toContain('may approve rollbacks');
    await click(world, card, rollbackActions.reject, APPROVER);
    const rejected = await waitForText(world, card, (t) => t.includes('rejected'));
    expect(rejected).toContain(`Rejected by <@${APPROVER}>`);
    expect(rejected).not.toContain('Approve the rollback?');
    await click(world, card, rollbackActions.approve, ONCALL, { value: '1' });
    expect((await notesFor(world, ONCALL))[0]).toContain('was already rejected by');
    expect(webPatches(world)).toHaveLength(0);
  });

  it('expires when nobody answers in time', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web');
    await click(world, card, rollbackRequestAction, REQUESTER);
    await waitForText(world, card, (t) => t.includes('asks to roll back'));
    await advance(world, 31 * 60_000);
    const expired = await waitForText(world, card, (t) => t.includes('expired'));
    expect(expired).toContain('without an approval');
    expect(expired).not.toContain('Approve the rollback?');
    await click(world, card, rollbackActions.approve, APPROVER, { value: '1' });
    expect((await notesFor(world, APPROVER))[0]).toContain('expired');
    expect(webPatches(world)).toHaveLength(0);
  });
});

describe('approvers named by a Slack user group', () => {
  const PLATFORM = 'S0PLATFORM';
  const MEMBER = 'U0PLATFORM1';

  it('let a member of the group approve, and say so when Slack cannot tell', async () => {
    world = await startRollbackWorld({ approvers: `{ userGroups: [${PLATFORM}] }` });
    world.slack.addUserGroup({ id: PLATFORM, handle: 'platform', users: [MEMBER] });
    const card = await typeRollback(world, 'shop/web');
    await click(world, card, rollbackRequestAction, REQUESTER);
    expect(await waitForText(world, card, (t) => t.includes('asks to roll back'))).toContain(
      `Approval needed from <!subteam^${PLATFORM}>.`,
    );
    await click(world, card, rollbackActions.approve, OUTSIDER);
    expect((await notesFor(world, OUTSIDER))[0]).toContain(
      `Only <!subteam^${PLATFORM}> may approve rollbacks in shop.`,
    );
    world.clock.advance(61_000);
    world.slack.failNext('usergroups.list', { error: 'missing_scope' });
    await click(world, card, rollbackActions.approve, MEMBER);
    expect((await notesFor(world, MEMBER))[0]).toContain(
      'Slack did not tell me who is in which user group (missing_scope)',
    );
    await click(world, card, rollbackActions.approve, MEMBER);
    await waitForText(world, card, (t) => t.includes('Rolled back'));
    expect(webPatches(world)).toHaveLength(1);
  });
});
