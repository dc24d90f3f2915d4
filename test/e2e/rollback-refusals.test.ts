// When a rollback must not or cannot happen: a stale button after someone else deployed, the API server
// refusing the patch (RBAC 403, conflict 409), GitOps-managed workloads, and commands that get one sentence.
import { afterEach, describe, expect, it } from 'vitest';
import { rollbackActions } from '../../src/slack/views/rollback-actions.js';
import { rollbackRequestAction } from '../../src/slack/views/rollback-button.js';
import {
  APPROVER,
  REQUESTER,
  WEB_NEW,
  click,
  notesFor,
  seedWeb,
  startRollbackWorld,
  typeK8s,
  typeRollback,
  waitForText,
  webImage,
  webPatches,
  type Message,
  type RollbackWorld,
} from './rollback-harness.js';

let world: RollbackWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

async function pendingRequest(w: RollbackWorld): Promise<Message> {
  const card = await typeRollback(w, 'shop/web');
  await click(w, card, rollbackRequestAction, REQUESTER);
  await waitForText(w, card, (t) => t.includes('asks to roll back'));
  return card;
}

describe('a button that is no longer true', () => {
  it('refuses a Roll back click after someone else deployed', async () => {
    world = await startRollbackWorld();
    const card = await typeRollback(world, 'shop/web');
    world.prod.applyDeployment('shop', 'web', { replicas: 2, image: 'web:1.4.3' });
    await click(world, card, rollbackRequestAction, REQUESTER);
    const [note] = await notesFor(world, REQUESTER);
    expect(note).toContain(
      'shop/web changed since this card was posted (now at revision 3); run /k8s rollback again.',
    );
    expect(await waitForText(world, card, (t) => t.includes('Roll back *shop/web*'))).not.toContain(
      'asks to roll back',
    );
  });

  it('does not patch an approved request whose workload moved on meanwhile', async () => {
    world = await startRollbackWorld();
    const card = await pendingRequest(world);
    world.prod.applyDeployment('shop', 'web', { replicas: 2, image: 'web:1.4.3' });
    await click(world, card, rollbackActions.approve, APPROVER);
    const failed = await waitForText(world, card, (t) => t.includes('failed'));
    expect(failed).toContain('changed since this card was posted (now at revision 3)');
    expect(failed).toContain('nothing was changed');
    expect(webPatches(world)).toHaveLength(0);
  });
});

describe('the API server refuses the patch', () => {
  it('says which RBAC permission is missing (403)', async () => {
    world = await startRollbackWorld();
    const card = await pendingRequest(world);
    world.prod.faults.forbid('patch', 'deployments', 'shop');
    await click(world, card, rollbackActions.approve, APPROVER);
    const failed = await waitForText(world, card, (t) => t.includes('failed'));
    expect(failed).toContain(
      "the bot's service account may not patch deployments in shop on prod-eu — see manifest/kubernetes RBAC",
    );
    expect(webImage(world)).toBe(WEB_NEW);
    const audit = await typeK8s(world, 'audit');
    expect(audit).toContain('failed: the bot');
  });

  it('says the workload changed while applying, and that nothing changed (409)', async () => {
    world = await startRollbackWorld();
    const card = await pendingRequest(world);
    world.prod.faults.failNext('patch', 'deployments', 409);
    await click(world, card, rollbackActions.approve, APPROVER);
    const failed = await waitForText(world, card, (t) => t.includes('failed'));
    expect(failed).toContain(
      'shop/web changed while the rollback was being applied; nothing was changed — look at it and try again',
    );
    expect(webImage(world)).toBe(WEB_NEW);
    const retry = await typeRollback(world, 'shop/web');
    expect(await waitForText(world, retry, (t) => t.includes('Roll back'))).toContain('revision 1');
  });
});

describe('GitOps-managed workloads', () => {
  const argo = { labels: { 'argocd.argoproj.io/instance': 'shop' } };

  it('warns on the card and on the request (policy warn)', async () => {
    world = await startRollbackWorld({ seed: (prod) => seedWeb(prod, argo) });
    const card = await typeRollback(world, 'shop/web');
    const warning =
      'Argo CD manages shop/web and may revert this rollback; pause its auto-sync first';
    expect(await waitForText(world, card, (t) => t.includes('Roll back'))).toContain(warning);
    await click(world, card, rollbackRequestAction, REQUESTER);
    expect(await waitForText(world, card, (t) => t.includes('asks to roll back'))).toContain(
      warning,
    );
  });

  it('refuses with one sentence (policy refuse)', async () => {
    world = await startRollbackWorld({
      rollback: 'gitops: refuse',
      seed: (prod) => seedWeb(prod, argo),
    });
    const answer = await typeK8s(world, 'rollback shop/web');
    expect(answer).toContain(
      'Argo CD manages shop/web, and rollbacks of GitOps-managed workloads are turned off here (rollback.gitops: refuse); revert the change in Git instead.',
    );
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('/k8s rollback answers in one sentence', () => {
  it('when there is nothing to do, nothing to see, or a typo', async () => {
    world = await startRollbackWorld();
    expect(await typeK8s(world, 'rollback shop/web --to 2')).toContain(
      'shop/web is already at revision 2.',
    );
    expect(await typeK8s(world, 'rollback shop/web --to 9')).toContain(
      'Revision 9 of shop/web no longer exists — only the last 11 revisions are kept',
    );
    expect(await typeK8s(world, 'rollback kube-system/coredns')).toContain(
      '`kube-system` is not one of the namespaces this channel can see',
    );
    expect(await typeK8s(world, 'rollback shop/nothing')).toContain(
      'no deployment nothing in shop',
    );
    expect(await typeK8s(world, 'rollback web')).toContain('needs its namespace');
    expect(await typeK8s(world, 'rollback shop/web --to two')).toContain(
      '`--to two` is not a number',
    );
    expect(await typeK8s(world, 'rollback shop/web --kind job')).toContain(
      '`job` is not a kind I can roll back',
    );
    expect(world.slack.rejections()).toEqual([]);
  });
});
