// views.open, views.push, views.update and views.publish against the view store.
import { checkView } from '../payload-checks.js';
import { SlackMethodError, optionalString } from '../types.js';
import { viewObject, type StoredView } from '../view-store.js';
import type { MethodContext, MethodHandler } from './context.js';

function answer(stored: StoredView, context: MethodContext) {
  return { view: viewObject(stored, context.workspace.bot) };
}

/** A hash that no longer matches means someone else updated the view first (`hash_conflict`). */
function checkHash(hash: unknown, stored: StoredView): void {
  const given = optionalString(hash);
  if (given !== undefined && given !== stored.hash) throw new SlackMethodError('hash_conflict');
}

const open: MethodHandler = (args, context) => {
  const user = context.triggers.take(args.trigger_id);
  const view = checkView(args.view, ['modal']);
  return answer(context.views.open(user, view), context);
};

const push: MethodHandler = (args, context) => {
  const user = context.triggers.take(args.trigger_id);
  const view = checkView(args.view, ['modal']);
  const top = context.views.openModals(user).at(-1);
  if (!top) throw new SlackMethodError('not_found');
  return answer(context.views.open(user, view, top), context);
};

const update: MethodHandler = (args, context) => {
  const viewId = optionalString(args.view_id);
  const externalId = optionalString(args.external_id);
  const stored =
    viewId !== undefined
      ? context.views.byId(viewId)
      : externalId !== undefined
        ? context.views.byExternalId(externalId)
        : undefined;
  if (!stored) throw new SlackMethodError('not_found');
  checkHash(args.hash, stored);
  const view = checkView(args.view, [stored.type]);
  return answer(context.views.update(stored, view), context);
};

const publish: MethodHandler = (args, context) => {
  const user = optionalString(args.user_id);
  if (user === undefined || !/^[UW]/.test(user)) throw new SlackMethodError('invalid_arguments');
  const existing = context.views.home(user);
  if (existing) checkHash(args.hash, existing);
  const view = checkView(args.view, ['home']);
  return answer(context.views.publish(user, view), context);
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
