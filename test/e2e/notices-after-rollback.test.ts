// The notice for a revision Watchkeeper rolled back to says whose rollback it is and offers no Roll back —
// that button would go back to the revision just rolled away from — while a later deploy gets one again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import type { StoredMessage } from '../../src/sandbox/slack/message-store.js';
import { blockText } from '../support/block-text.js';
import {
  APPROVER,
  REQUESTER,
  SHOP,
  advance,
  click,
  startRollbackWorld,
  typeRollback,
  waitForText,
  type RollbackWorld,
} from './rollback-harness.js';

let world: RollbackWorld;

beforeAll(async () => {
  world = await startRollbackWorld({
    extraConfig: `notices:\n  - { cluster: prod-eu, namespaces: [shop], channel: ${SHOP} }\n`,
  });
});
afterAll(async () => {
  await world?.stop();
});

/** The notice of shop/web's revision `revision`, once the app has posted it. */
async function noticeOf(revision: number): Promise<StoredMessage> {
  const deadline = Date.now() + 15_000;
  const find = () =>
    world.slack
      .messagesIn(SHOP)
      .find(
        (m) =>
          m.threadTs === undefined &&
          /\*shop\/web\* on prod-eu (is rolling out|rolled out) revision (\d+)/.exec(
            blockText(m.blocks),
          )?.[2] === String(revision),
      );
  while (!find() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await advance(world, 1000);
  }
  const notice = find();
  expect(notice, `no notice of revision ${revision}`).toBeDefined();
  return notice as StoredMessage;
}

const actionIds = (message: StoredMessage) =>
  JSON.stringify(message.blocks).match(/"action_id":"[a-z_]+"/g) ?? [];

it('names the rollback on its revision notice and offers no Roll back there', async () => {
  const card = await typeRollback(world, 'shop/web');
  await click(world, card, rollbackRequestAction, REQUESTER);
  await waitForText(world, card, (t) => t.includes('asks to roll back'));
  await click(world, card, rollbackActions.approve, APPROVER);
  await waitForText(world, card, (t) => t.includes('Rolled back'));

  const notice = await noticeOf(3);
  const text = blockText(notice.blocks);
  expect(text).toMatch(
    new RegExp(
      `Watchkeeper's rollback r\\d+ — asked by <@${REQUESTER}>, approved by <@${APPROVER}>`,
    ),
  );
  expect(actionIds(notice)).not.toContain('"action_id":"rollback_request"');
  expect(actionIds(notice)).toContain('"action_id":"notice_silence"');
});

it('offers Roll back again on the next ordinary deploy', async () => {
  world.prod.applyDeployment('shop', 'web', {
    replicas: 2,
    image: 'registry.example.com/shop/web:1.4.3',
    changeCause: 'release 1.4.3',
  });
  const notice = await noticeOf(4);
  expect(blockText(notice.blocks)).not.toContain("Watchkeeper's rollback");
  expect(actionIds(notice)).toContain('"action_id":"rollback_request"');
});
