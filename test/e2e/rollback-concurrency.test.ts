// Exactly once: twenty Approve clicks at the same moment, on one app instance or spread over two instances
// sharing one Postgres, make the API server receive exactly one patch; every other clicker is told who won.
import { afterEach, describe, expect, it } from 'vitest';
import { rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import {
  APPROVER,
  ONCALL,
  REQUESTER,
  WEB_OLD,
  click,
  startRollbackWorld,
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

async function twentyApprovals(w: RollbackWorld): Promise<void> {
  const card = await typeRollback(w, 'shop/web');
  await click(w, card, rollbackRequestAction, REQUESTER);
  await waitForText(w, card, (t) => t.includes('asks to roll back'));
  const approvers = [APPROVER, ONCALL];
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      click(w, card, rollbackActions.approve, approvers[i % 2] ?? APPROVER, {
        via: w.apps[i % w.apps.length],
        value: '1',
      }),
    ),
  );
  await waitForText(w, card, (t) => t.includes('Rolled back'));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(webPatches(w)).toHaveLength(1);
  expect(webImage(w)).toBe(WEB_OLD);
  const notes = [APPROVER, ONCALL].flatMap((user) =>
    w.slack.messages.ephemeralsFor('C0SHOP0001', user),
  );
  expect(notes).toHaveLength(19);
  for (const note of notes)
    expect(note.text).toMatch(/already approved by|being carried out|already rolled back/);
  const audit = await typeK8s(w, 'audit shop/web');
  expect(audit.match(/approved by/g)).toHaveLength(1);
  expect(audit.match(/patched/g)).toHaveLength(1);
}

describe('twenty approvals at once', () => {
  it('patch once on one app instance', async () => {
    world = await startRollbackWorld();
    await twentyApprovals(world);
  });

  it('patch once across two app instances on one Postgres', async () => {
    world = await startRollbackWorld({ instances: 2 });
    await twentyApprovals(world);
  });
});
