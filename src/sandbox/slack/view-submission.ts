// What Slack does with the app's answer to a view_submission: close the modal, show errors, update
// it, push a new one, or clear the whole stack (`response_action`).
import { isRecord } from './block-kit-elements.js';
import { checkView } from './payload-checks.js';
import { SlackMethodError } from './types.js';
import type { StoredView, ViewStore } from './view-store.js';

export function applyViewSubmissionAck(
  views: ViewStore,
  submitted: StoredView,
  body: unknown,
): Record<string, unknown> {
  const action = isRecord(body) ? body.response_action : undefined;
  switch (action) {
    case undefined:
      views.close(submitted.id);
      return {};
    case 'errors':
      if (!isRecord(body) || !isRecord(body.errors)) {
        throw new SlackMethodError('invalid_arguments', ['missing required field: errors']);
      }
      return {};
    case 'update':
      views.update(submitted, checkView(isRecord(body) ? body.view : undefined, ['modal']));
      return {};
    case 'push': {
      const view = checkView(isRecord(body) ? body.view : undefined, ['modal']);
      return { view_id: views.open(submitted.user, view, submitted).id };
    }
    case 'clear':
      views.close(submitted.id, { wholeStack: true });
      return {};
    default:
      throw new SlackMethodError('invalid_arguments', [
        'must be a valid enum value [json-pointer:/response_action]',
      ]);
  }
}
