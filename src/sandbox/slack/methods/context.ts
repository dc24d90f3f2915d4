// What every fake Web API method handler receives, and the handler signature.
import type { MessageStore } from '../message-store.js';
import type { TriggerIds } from '../trigger-ids.js';
import type { SlackArgs } from '../types.js';
import type { ViewStore } from '../view-store.js';
import type { Workspace } from '../workspace.js';

export interface MethodContext {
  workspace: Workspace;
  messages: MessageStore;
  views: ViewStore;
  triggers: TriggerIds;
}

/** Returns the fields of a successful answer (without `ok`), or throws a SlackMethodError. */
export type MethodHandler = (args: SlackArgs, context: MethodContext) => Record<string, unknown>;
