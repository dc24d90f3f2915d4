// The reply to /oncall calendar: the secret link and how to add it to a calendar.
import type { SlackMessage } from '../message.js';
import { context, section } from './blocks.js';

export function renderCalendarLink(url: string, rotation?: string): SlackMessage {
  const what = rotation ? `every shift of *${rotation}*` : 'your shifts in every rotation';
  return {
    text: 'Your calendar link',
    blocks: [
      section(`Here is a private calendar link with ${what}:\n\`${url}\``),
      context(
        'Google Calendar: Other calendars → + → From URL. Outlook: Add calendar → Subscribe from web. ' +
          'Keep the link to yourself: anyone who has it can read the shifts. Asking again gives a new link and turns this one off.',
      ),
    ],
  };
}
