// /oncall calendar [rotation]: a secret iCalendar link for your shifts (or a whole rotation's).
import { UserFacingError } from '../../src/errors.js';
import type { CalendarFeeds } from '../../src/oncall/calendar-feed.js';
import { splitArguments } from '../../src/oncall/time-input.js';
import { renderCalendarLink } from '../../src/slack/views/oncall-calendar-view.js';
import type { OncallSubcommand } from '../oncall.js';

export function calendarSubcommand(feeds: CalendarFeeds): OncallSubcommand {
  return async (request, args) => {
    const tokens = splitArguments(args);
    if (tokens.length > 1) {
      throw new UserFacingError(
        "Usage: `/oncall calendar` (your shifts) or `/oncall calendar <rotation>` (everyone's).",
      );
    }
    const rotation = tokens[0]?.toLowerCase();
    return renderCalendarLink(await feeds.issue(request.userId, rotation), rotation);
  };
}
