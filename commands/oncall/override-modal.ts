// `/oncall override` without arguments opens a form; submitting it makes the same override.
import type { Clock } from '../../src/clock.js';
import { isUserFacingError } from '../../src/errors.js';
import { findRotation } from '../../src/oncall/find-rotation.js';
import type { OncallChanges } from '../../src/oncall/oncall-changes.js';
import type { OncallReader } from '../../src/oncall/oncall-reader.js';
import { parseTimeInput } from '../../src/oncall/time-input.js';
import type {
  CommandRequest,
  ModalModule,
  ModalOpener,
  SlackPoster,
} from '../../src/slack/message.js';
import { renderOverrideCreated } from '../../src/slack/views/oncall-change-views.js';
import { overrideModal, renderOverrideModal } from '../../src/slack/views/override-modal-view.js';

interface ModalDeps {
  reader: OncallReader;
  changes: OncallChanges;
  poster: SlackPoster;
  openModal: ModalOpener;
  clock: Clock;
}

export async function openOverrideModal(deps: ModalDeps, request: CommandRequest): Promise<null> {
  const contexts = await deps.reader.contexts(request);
  await deps.openModal(
    request.triggerId,
    renderOverrideModal({
      rotations: contexts.map((c) => c.rotation.name),
      userId: request.userId,
      channelId: request.channelId,
    }),
  );
  return null;
}

/** Reads one field; a user-facing problem becomes that field's error. */
function field<T>(errors: Record<string, string>, block: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!isUserFacingError(error)) throw error;
    errors[block] = error.message.slice(0, 150);
    return undefined;
  }
}

export function overrideModalModule(deps: ModalDeps): ModalModule {
  const { blocks } = overrideModal;
  return {
    callbackId: overrideModal.callbackId,
    async submit({ userId, values, privateMetadata }) {
      const channelId = String(
        (JSON.parse(privateMetadata || '{}') as { channelId?: unknown }).channelId ?? '',
      );
      const origin = { channelId, userId };
      const errors: Record<string, string> = {};
      const contexts = await deps.reader.contexts(origin);
      const context = field(errors, blocks.rotation, () =>
        findRotation(contexts, values[blocks.rotation] ?? ''),
      );
      const member = values[blocks.member];
      if (!member) errors[blocks.member] = 'Choose who is on call.';
      const opts = { timezone: context?.rotation.timezone ?? 'UTC', now: deps.clock.now() };
      const start = field(errors, blocks.from, () =>
        parseTimeInput(values[blocks.from] ?? '', opts),
      );
      const end = field(errors, blocks.to, () =>
        parseTimeInput(values[blocks.to] ?? '', { ...opts, endOfDay: true, relativeTo: start }),
      );
      if (start && end && end <= start) errors[blocks.to] = 'The end must be after the start.';
      if (Object.keys(errors).length > 0 || !context || !member || !start || !end)
        return { errors };
      const created = await deps.changes
        .override(origin, {
          rotation: context.rotation.name,
          member,
          start,
          end,
          reason: values[blocks.reason]?.trim() || undefined,
        })
        .catch((error: unknown) => {
          if (!isUserFacingError(error)) throw error;
          errors[blocks.member] = error.message.slice(0, 150);
          return undefined;
        });
      if (!created) return { errors };
      await deps.poster.post(
        channelId,
        renderOverrideCreated(created.override, created.coveringFor),
      );
      return {};
    },
  };
}
