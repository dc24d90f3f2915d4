// Two app instances on one Postgres, as in the Kubernetes Deployment: both answer Slack's requests, and
// still every scheduled post goes out once, twenty approvals spread over both make one rollback, and
// the rolled-back workload is patched once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox/slack/types.js';
import { rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import { blockText } from '../support/block-text.js';
import {
  APPROVER,
  ONCALL,
  OFFCALL,
  REQUESTER,
  SHOP,
  WEB_OLD,
  click,
  startRollbackWorld,
  typeRollback,
  waitForText,
  webImage,
  webPatches,
  type RollbackWorld,
} from './rollback-harness.js';

const HOUR = 3_600_000;
let world: RollbackWorld;
const posts: RecordedCall[] = [];

beforeAll(async () => {
  world = await startRollbackWorld({
    instances: 2,
    teamSettings: 'statusLog: { time: "10:30", days: [mon, tue, wed, thu, fri] }',
  });
  world.slack.on('call', (call) => {
    if (call.method === 'chat.postMessage' && call.ok) posts.push(call);
  });
});
afterAll(async () => {
  await world?.stop();
});

describe('two app instances on one Postgres', () => {
  it('both answer slash commands', async () => {
    for (const app of world.apps) {
      world.slack.clearCalls();
      const response = await app.requester.slashCommand({
        command: '/oncall',
        text: '',
        userId: REQUESTER,
        channelId: SHOP,
      });
      expect(response.status).toBe(200);
      const reply = await world.slack.waitForCall('response_url');
      expect(blockText(reply.args.blocks)).toContain(`<@${ONCALL}>`);
    }
  });

  it('roll back once when the request and twenty approvals arrive through both', async () => {
    const card = await typeRollback(world, 'shop/web');
    await click(world, card, rollbackRequestAction, REQUESTER, { via: world.apps[1] });
    await waitForText(world, card, (t) => t.includes('asks to roll back'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        click(world, card, rollbackActions.approve, i % 2 ? ONCALL : APPROVER, {
          via: world.apps[i % 2],
          value: '1',
        }),
      ),
    );
    await waitForText(world, card, (t) => t.includes('Rolled back'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(webPatches(world)).toHaveLength(1);
    expect(webImage(world)).toBe(WEB_OLD);
    const winners = world.slack.messages
      .ephemeralsFor(SHOP, APPROVER)
      .concat(world.slack.messages.ephemeralsFor(SHOP, ONCALL));
    expect(winners).toHaveLength(19);
  });

  it('post each daily status and the handoff once while both tick at the same moments', async () => {
    // From Monday 2 March 10:00 Zurich (an hour after a handoff, posted late at start-up) to Tuesday
    // 10 March 12:00: seven weekday statuses and two handoffs.
    for (let hour = 0; hour < 8 * 24 + 2; hour++) {
      world.clock.advance(HOUR);
      world.prod.tick();
      await Promise.all(world.apps.map((app) => app.app.tick()));
      world.clock.advance(2000);
      await Promise.all(world.apps.map((app) => app.app.tick()));
      world.clock.advance(-2000);
    }
    const inShop = posts.filter((call) => call.args.channel === SHOP && !call.args.thread_ts);
    const texts = inShop.map((call) => blockText(call.args.blocks));
    expect(texts.filter((t) => t.startsWith('Daily status'))).toHaveLength(7);
    const handoffs = texts.filter((t) => t.startsWith('Handoff —'));
    expect(handoffs).toHaveLength(2);
    expect(handoffs[0]).toContain(`<@${OFFCALL}> → <@${ONCALL}>`);
    expect(handoffs[1]).toContain(`<@${ONCALL}> → <@${OFFCALL}>`);
    // The rollback happened in Alice's shift: only her handoff's digest lists it, late post or not.
    expect(handoffs[0]).not.toContain('shop/web on prod-eu → revision 1');
    expect(handoffs[1]).toContain('shop/web on prod-eu → revision 1: succeeded');
    const keys = posts.map((c) => `${String(c.args.channel)} ${JSON.stringify(c.args.blocks)}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    expect(world.slack.rejections()).toEqual([]);
  });
});
