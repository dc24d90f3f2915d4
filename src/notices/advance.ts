// How a notice follows its rollout: when one opens, and what its view becomes as the rollout moves on. Pure.
import { describeChange } from '../rollback/engine/index.js';
import type { ObservedRollout } from './rollout.js';
import type { ImageChange, NoticeView, RolloutCounts } from './types.js';

/** What a tick saw of a notice's Deployment. */
export type Sighting =
  | { kind: 'same'; rollout: ObservedRollout }
  | { kind: 'newer'; revision: number }
  | { kind: 'gone' };

/**
 * Whether a rollout gets a new notice: it must be news (see `noticeable`) and its workload not silenced;
 * a first revision, which has nothing to roll back to, is only worth a notice when it fails.
 */
export function opensNotice(rollout: ObservedRollout, silenced: boolean): boolean {
  if (silenced || !rollout.noticeable) return false;
  return rollout.previous !== undefined || rollout.progress.phase === 'failing';
}

function changesOf(rollout: ObservedRollout): Pick<NoticeView, 'images' | 'otherChanges'> {
  const template = rollout.current.replicaSet.spec?.template;
  if (!rollout.previous) {
    const images: ImageChange[] = (template?.spec?.containers ?? []).map((c) => ({
      container: c.name,
      from: null,
      to: c.image ?? '',
    }));
    return { images, otherChanges: [] };
  }
  const change = describeChange(rollout.previous.replicaSet.spec?.template, template);
  const env = change.env.added.length + change.env.removed.length + change.env.changed.length;
  const otherChanges = [
    ...(env > 0 ? ['env'] : []),
    ...(change.resources.length > 0 ? ['resources'] : []),
    ...(change.command.length > 0 ? ['command'] : []),
    ...(change.other ? ['other'] : []),
  ];
  return { images: change.images, otherChanges };
}

function countsOf({ progress }: ObservedRollout): RolloutCounts {
  return { updated: progress.updated, ready: progress.ready, desired: progress.desired };
}

/** The first view of a notice, `now` being when it was first claimed. */
export function openingView(rollout: ObservedRollout, now: Date): NoticeView {
  const { progress } = rollout;
  const { phase } = progress;
  const startedAt =
    rollout.startedAt !== undefined && rollout.startedAt <= now.getTime()
      ? new Date(rollout.startedAt).toISOString()
      : now.toISOString();
  return {
    ...rollout.key,
    state: phase,
    previousRevision: rollout.previous?.revision ?? null,
    ...changesOf(rollout),
    changeCause: rollout.current.changeCause ?? null,
    startedAt,
    completedAt: phase === 'complete' ? now.toISOString() : null,
    counts: countsOf(rollout),
    failure: progress.phase === 'failing' ? progress.failure : null,
    supersededBy: null,
    rollback: null,
  };
}

/**
 * The view after a tick's sighting. Complete and superseded views are final; a failing view stays failing
 * until the rollout completes (pods coming and going must not flip it back and forth).
 */
export function advanceView(view: NoticeView, sighting: Sighting, now: Date): NoticeView {
  if (view.state === 'complete' || view.state === 'superseded') return view;
  if (sighting.kind === 'gone') return { ...view, state: 'superseded', supersededBy: null };
  if (sighting.kind === 'newer' || sighting.rollout.key.revision !== view.revision) {
    const revision = sighting.kind === 'newer' ? sighting.revision : sighting.rollout.key.revision;
    return { ...view, state: 'superseded', supersededBy: revision };
  }
  const { progress } = sighting.rollout;
  const counts = countsOf(sighting.rollout);
  if (progress.phase === 'complete') {
    return { ...view, state: 'complete', completedAt: now.toISOString(), counts };
  }
  if (progress.phase === 'failing') {
    return { ...view, state: 'failing', failure: progress.failure, counts };
  }
  return { ...view, counts };
}
