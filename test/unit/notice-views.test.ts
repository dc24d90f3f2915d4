// The notice message's wording in each state, its buttons (Roll back, Silence, Unsilence), and Slack's limits.
import { describe, expect, it } from 'vitest';
import type { NoticeSilence, NoticeView } from '../../src/notices/types.js';
import { blockProblems } from '../../src/sandbox/slack/block-kit-limits.js';
import { renderNotice } from '../../src/slack/views/notice-view.js';
import { changeSummary, shortImage } from '../../src/slack/views/notice-text.js';
import { blockText } from '../support/block-text.js';

const view: NoticeView = {
  cluster: 'prod-eu',
  namespace: 'shop',
  workload: 'web',
  revision: 13,
  state: 'progressing',
  previousRevision: 12,
  images: [
    {
      container: 'web',
      from: 'registry.example.com/shop/web:1.4.1',
      to: 'registry.example.com/shop/web:1.4.2',
    },
  ],
  otherChanges: [],
  changeCause: 'deploy 1.4.2',
  startedAt: '2026-03-02T12:00:00.000Z',
  completedAt: null,
  counts: { updated: 1, ready: 0, desired: 3 },
  failure: null,
  supersededBy: null,
  rollback: { cardId: '41', summary: 'shop/web from revision 13 to revision 12' },
};

const render = (v: NoticeView, silence: NoticeSilence | null = null) =>
  renderNotice({ id: '7', view: v, silence, silenceLabel: '4 h' });

function buttons(v: NoticeView, silence: NoticeSilence | null = null) {
  const actions = render(v, silence).blocks.find((b) => b.type === 'actions');
  return actions?.type === 'actions'
    ? actions.elements.map((e) => ('value' in e ? `${e.action_id}=${e.value}` : e.action_id))
    : [];
}

describe('the notice message', () => {
  it('says what is rolling out, what it replaces and why, with Roll back and Silence', () => {
    const message = render(view);
    expect(blockText(message.blocks)).toContain(
      ':rocket: *shop/web* on prod-eu is rolling out revision 13 (`web:1.4.2`, was `web:1.4.1`) — change-cause “deploy 1.4.2”',
    );
    expect(blockText(message.blocks)).toContain(
      ':hourglass_flowing_sand: 0 of 3 new pods ready · started <!date^1772452800^',
    );
    expect(message.text).toBe('shop/web on prod-eu is rolling out revision 13');
    expect(buttons(view)).toEqual(['rollback_request=41', 'notice_silence=7']);
  });

  it('says when it completed and how long it took', () => {
    const done = {
      ...view,
      state: 'complete' as const,
      completedAt: '2026-03-02T12:02:30.000Z',
      counts: { updated: 3, ready: 3, desired: 3 },
    };
    const text = blockText(render(done).blocks);
    expect(text).toContain(
      '*shop/web* on prod-eu rolled out revision 13 (`web:1.4.2`, was `web:1.4.1`)',
    );
    expect(text).toContain('Complete in 3 min: 3 of 3 pods ready');
    expect(buttons(done)).toEqual(['rollback_request=41', 'notice_silence=7']);
  });

  it('says how it fails in one line and points to the thread', () => {
    const failing = {
      ...view,
      state: 'failing' as const,
      failure: {
        reason: 'CrashLoopBackOff' as const,
        message: 'container web keeps exiting with code 1',
        pods: 1,
        restarts: 4,
        exitCode: 1,
        deadlineExceeded: false,
      },
    };
    const message = render(failing);
    const text = blockText(message.blocks);
    expect(text).toContain(
      ':red_circle: *shop/web* on prod-eu: revision 13 is failing (`web:1.4.2`, was `web:1.4.1`)',
    );
    expect(text).toContain(
      '*CrashLoopBackOff*: container web keeps exiting with code 1 — 1 of the new pods',
    );
    expect(text).not.toContain('(exit code 1)');
    expect(text).toContain('what changed, the crash and the log tail are in the thread');
    expect(message.text).toBe('shop/web on prod-eu: revision 13 is failing (CrashLoopBackOff)');
  });

  it('drops its buttons once superseded or deleted', () => {
    const superseded = { ...view, state: 'superseded' as const, supersededBy: 14 };
    expect(blockText(render(superseded).blocks)).toContain('was superseded by revision 14');
    expect(buttons(superseded)).toEqual([]);
    const deleted = { ...view, state: 'superseded' as const, supersededBy: null };
    expect(blockText(render(deleted).blocks)).toContain('— the Deployment was deleted');
  });

  it('shows a silence and offers Unsilence instead of Silence', () => {
    const silence = {
      cluster: 'prod-eu',
      namespace: 'shop',
      workload: 'web',
      until: new Date('2026-03-02T16:00:00Z'),
      by: 'U0ALICE01',
    };
    expect(blockText(render(view, silence).blocks)).toContain(
      ':no_bell: Silenced by <@U0ALICE01> until <!date^1772467200^',
    );
    expect(buttons(view, silence)).toEqual(['rollback_request=41', 'notice_unsilence=7']);
    expect(buttons({ ...view, rollback: null })).toEqual(['notice_silence=7']);
  });

  it('names what changed when the images did not, or which containers changed', () => {
    expect(changeSummary({ ...view, images: [], otherChanges: ['env', 'resources'] })).toBe(
      '(same images; env, resources changed)',
    );
    expect(
      changeSummary({
        ...view,
        previousRevision: null,
        images: [{ container: 'web', from: null, to: 'web:1.0.0' }],
      }),
    ).toBe('(`web:1.0.0`, first revision)');
    expect(
      changeSummary({
        ...view,
        images: [
          { container: 'web', from: 'web:1', to: 'web:2' },
          { container: 'proxy', from: null, to: 'envoy:1.30' },
        ],
        otherChanges: ['command'],
      }),
    ).toBe('(web `web:2`, was `web:1`; proxy `envoy:1.30`, command changed too)');
  });

  it('shortens images to their last path segment and digests to 12 characters', () => {
    expect(shortImage('registry.example.com/shop/web:1.4.2')).toBe('web:1.4.2');
    expect(shortImage('nginx')).toBe('nginx');
    expect(shortImage(`ghcr.io/acme/api@sha256:${'ab'.repeat(32)}`)).toBe(
      'api@sha256:abababababab',
    );
  });

  it('stays within Slack’s limits and escapes what the cluster says', () => {
    const wild: NoticeView = {
      ...view,
      state: 'failing',
      changeCause: `<!channel> ${'c'.repeat(5000)}`,
      images: Array.from({ length: 30 }, (_, i) => ({
        container: `c${i}`,
        from: `${'r'.repeat(300)}/c${i}:1`,
        to: `${'r'.repeat(300)}/c${i}:2`,
      })),
      failure: {
        reason: 'ImagePullBackOff',
        message: `<@U123> ${'m'.repeat(5000)}`,
        pods: 30,
        restarts: 0,
        deadlineExceeded: true,
      },
    };
    const message = render(wild);
    expect(blockProblems(message.blocks, 'message')).toEqual([]);
    const text = blockText(message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('26 more images');
    expect(text).toContain('; the progress deadline has passed');
  });
});
