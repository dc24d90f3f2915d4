// What each scheduled post says: the daily status, the handoff, the reminder, the note request and
// the override notes — gathered, then rendered as Block Kit.
import { rotationByName } from '../config/lookup.js';
import type { AppConfig } from '../config/schema.js';
import { eventKey, type DueEvent } from '../scheduler/due-events.js';
import type { DigestGatherer } from '../statuslog/digest.js';
import type { SlackMessage } from './message.js';
import { renderDailyPost } from './views/daily-post-view.js';
import {
  renderHandoffPost,
  renderHandoffReminder,
  renderNoteRequest,
  renderOverrideNote,
} from './views/handoff-views.js';

export function scheduledPostRenderer(config: AppConfig, digests: DigestGatherer) {
  return async (event: DueEvent, now: Date): Promise<SlackMessage | null> => {
    if (event.kind === 'daily-status') {
      const team = config.teams.find((t) => t.name === event.team);
      return team ? renderDailyPost(await digests.daily(team, now)) : null;
    }
    const owner = rotationByName(config, event.rotation);
    if (!owner) return null;
    if (event.kind === 'override-note') return renderOverrideNote(event.rotation, event.details);
    const handoffKey = eventKey('handoff', event.rotation, event.details.handoffAt);
    switch (event.kind) {
      case 'handoff':
        return renderHandoffPost(
          await digests.handoff(owner.team, owner.rotation, event.details, handoffKey),
          handoffKey,
        );
      case 'handoff-reminder':
        return renderHandoffReminder(
          await digests.handoff(owner.team, owner.rotation, event.details, handoffKey),
        );
      case 'handoff-note-request':
        return event.details.outgoing
          ? renderNoteRequest(event.rotation, event.details, handoffKey)
          : null;
    }
  };
}
