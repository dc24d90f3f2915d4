// Roll back first, investigate later: outside coverage hours the on-call whose shift it is may roll back
// alone, giving a reason that the card and the audit trail show loudly; nobody else may, and not by day.
// Also: a rollout that never completes is reported stuck on the card.
import { afterEach, describe, expect, it } from 'vitest';
import { breakGlassModal, rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import {
  OFFCALL,
  ONCALL,
  REQUESTER,
  WEB_NEW,
  WEB_OLD,
  advance,
  click,
  notesFor,
  startRollbackWorld,
  tickUntil,
  typeK8s,
  typeRollback,
  waitForText,
  webImage,
  webPatches,
  type Message,
  type RollbackWorld,
} from './rollback-harness.js';

/** Monday 2 March 2026, 20:00 in Zurich: the shop rotation is outside its coverage hours. */
const MONDAY_EVENING = '2026-03-02T19:00:00Z';

let world: RollbackWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** Clicks a break-glass button and sends the form with `reason`; returns the app's answer to the submission. */
async function breakGlass(w: RollbackWorld, card: Message, actionId: string, reason: string) {
  w.slack.clearCalls();
  w.slack.views.clear();
  await click(w, card, actionId, ONCALL);
  const opened = await w.slack.waitForCall('views.open');
  expect(opened.ok, opened.error).toBe(true);
  const [form] = w.slack.views.openModals(ONCALL);
  if (!form) throw new Error('no break-glass form opened');
  return w.app.requester.viewSubmission({
    userId: ONCALL,
    viewId: form.id,
    values: {
      [breakGlassModal.block]: {
        [breakGlassModal.action]: { type: 'plain_text_input', value: reason },
      },
    },
  });
}

describe('break-glass outside coverage hours', () => {
  it('lets the on-call roll back alone from the card, with a reason everyone sees', async () => {
    world = await startRollbackWorld({ start: MONDAY_EVENING });
    const card = await typeRollback(world, 'shop/web', ONCALL);
    expect(await waitForText(world, card, (t) => t.includes('Roll back'))).toContain(
      'Roll back now (break-glass)',
    );
    await click(world, card, rollbackActions.breakGlassCard, OFFCALL);
    expect((await notesFor(world, OFFCALL))[0]).toContain(
      `Only the on-call whose shift it is (<@${ONCALL}>) may roll back without approval`,
    );

    const empty = await breakGlass(world, card, rollbackActions.breakGlassCard, '   ');
    expect(JSON.stringify(empty.body)).toContain('Say why you are rolling back without approval');
    expect(webPatches(world)).toHaveLength(0);

    await breakGlass(world, card, rollbackActions.breakGlassCard, 'checkout 500s since 1.4.2');
    const text = await waitForText(world, card, (t) => t.includes('Rolled back'));
    expect(text).toContain(`Rolled back *shop/web* to revision 1`);
    expect(text).toContain(
      `:rotating_light: *BREAK-GLASS* — <@${ONCALL}> started this rollback without a second approval`,
    );
    expect(text).toContain('*Reason:* checkout 500s since 1.4.2');
    expect(webPatches(world)).toHaveLength(1);
    expect(webImage(world)).toBe(WEB_OLD);
    const audit = await typeK8s(world, 'audit shop/web', ONCALL);
    expect(audit).toContain(
      `BREAK-GLASS by <@${ONCALL}> (revision 2 → 1): checkout 500s since 1.4.2`,
    );
  });

  it('lets the on-call break glass on a pending request nobody is awake to approve', async () => {
    world = await startRollbackWorld({ start: MONDAY_EVENING });
    const card = await typeRollback(world, 'shop/web');
    await click(world, card, rollbackRequestAction, REQUESTER);
    expect(await waitForText(world, card, (t) => t.includes('asks to roll back'))).toContain(
      'Roll back now (break-glass)',
    );
    await breakGlass(
      world,
      card,
      rollbackActions.breakGlassRequest,
      'payments failing, nobody awake',
    );
    const text = await waitForText(world, card, (t) => t.includes('Rolled back'));
    expect(text).toContain('*BREAK-GLASS*');
    expect(text).toContain('*Reason:* payments failing, nobody awake');
    expect(text).toContain(`Started without approval by <@${ONCALL}>`);
    expect(webPatches(world)).toHaveLength(1);
  });

  it('is not offered, nor accepted, inside coverage hours', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web', ONCALL);
    expect(await waitForText(world, card, (t) => t.includes('Roll back'))).not.toContain(
      'break-glass',
    );
    await click(world, card, rollbackActions.breakGlassCard, ONCALL, { value: '1' });
    expect((await notesFor(world, ONCALL))[0]).toContain(
      'You are on duty inside coverage hours, when a rollback needs a second person',
    );
    expect(world.slack.callsTo('views.open')).toHaveLength(0);
  });
});

describe('a rollback whose rollout does not finish', () => {
  it('is reported stuck with ProgressDeadlineExceeded', async () => {
    // 1.4.2 cannot pull its image, and neither can 1.4.1 any more (the registry was cleaned up).
    world = await startRollbackWorld({
      start: MONDAY_EVENING,
      seed: (prod) => {
        prod.addNode('node-1');
        const common = { replicas: 2, progressDeadlineSeconds: 60 };
        prod.applyDeployment('shop', 'web', { ...common, image: WEB_OLD });
        prod.setImageBehaviour(WEB_OLD, 'ImagePullBackOff');
        prod.applyDeployment('shop', 'web', {
          ...common,
          image: WEB_NEW,
          behaviour: 'ImagePullBackOff',
        });
      },
    });
    const card = await typeRollback(world, 'shop/web', ONCALL);
    await breakGlass(world, card, rollbackActions.breakGlassCard, 'trying the old one');
    await waitForText(world, card, (t) => t.includes('Rolled back'));
    await advance(world, 10_000);
    expect(await tickUntil(world, card, (t) => t.includes('Rollout progressing'))).not.toContain(
      'stuck',
    );
    await advance(world, 120_000);
    const stuck = await tickUntil(world, card, (t) => t.includes('Rollout stuck'));
    expect(stuck).toContain('ProgressDeadlineExceeded');
    expect(stuck).toContain(':warning: Rolled back');
  });
});
