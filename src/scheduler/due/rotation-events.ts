// The posts one rotation owes in a range: handoffs, the reminder and the note request before each,
// and a note when an override takes or gives up duty. Coverage opening or closing is not a post.
import { durationMs } from '../../config/durations.js';
import {
  onCallChangesBetween,
  shiftsBetween,
  type OnCallChange,
  type Shift,
} from '../../oncall/engine/index.js';
import type { RotationContext } from '../../oncall/rotation-context.js';
import {
  eventKey,
  type DueEvent,
  type HandoffDetails,
  type HandoffEvent,
  type OverrideNoteEvent,
} from './types.js';

const HOUR = 3_600_000;
/** How long before a handoff the incoming person is reminded, unless `rotation.reminder` says. */
export const DEFAULT_REMINDER_MS = 24 * HOUR;
/** How long before a handoff the outgoing person is asked for a handoff note. */
export const NOTE_REQUEST_LEAD_MS = HOUR;

type OverrideChange = OverrideNoteEvent['details']['changes'][number];

function span(shift: Shift) {
  return { start: shift.start, end: shift.end };
}

function handoffDetails(
  change: OnCallChange,
  byStart: Map<number, Shift>,
  byEnd: Map<number, Shift>,
): HandoffDetails | null {
  const incoming = byStart.get(change.at.getTime());
  if (!incoming) return null;
  const outgoing = byEnd.get(change.at.getTime());
  const details: HandoffDetails = {
    handoffAt: change.at,
    outgoing: outgoing?.member ?? null,
    incoming: incoming.member,
    onDutyBefore: change.from,
    onDutyAfter: change.to,
    incomingShift: span(incoming),
  };
  if (outgoing) details.outgoingShift = span(outgoing);
  return details;
}

/** Overrides starting or ending at one instant, where no handoff happens and the person changes. */
function overrideNotes(context: RotationContext, changes: OnCallChange[], handoffs: Set<number>) {
  const byInstant = new Map<number, OnCallChange[]>();
  for (const change of changes) {
    if (change.kind !== 'override-start' && change.kind !== 'override-end') continue;
    const at = change.at.getTime();
    byInstant.set(at, [...(byInstant.get(at) ?? []), change]);
  }
  const notes: OverrideNoteEvent[] = [];
  for (const [at, group] of byInstant) {
    const first = group[0];
    if (!first || handoffs.has(at) || first.from === first.to) continue;
    notes.push({
      kind: 'override-note',
      key: eventKey('override-note', context.rotation.name, first.at),
      team: context.team.name,
      rotation: context.rotation.name,
      channel: context.rotation.channel,
      scheduledAt: first.at,
      details: {
        at: first.at,
        from: first.from,
        to: first.to,
        changes: group.map((change) => change.kind as OverrideChange),
      },
    });
  }
  return notes;
}

/** The handoff post, then the reminder and the note request unless the same member continues. */
function handoffPosts(
  details: HandoffDetails,
  channel: string,
  reminderMs: number,
): Array<Pick<HandoffEvent, 'kind' | 'channel' | 'scheduledAt'>> {
  const at = details.handoffAt.getTime();
  const posts: Array<Pick<HandoffEvent, 'kind' | 'channel' | 'scheduledAt'>> = [
    { kind: 'handoff', channel, scheduledAt: details.handoffAt },
  ];
  if (details.outgoing === details.incoming) return posts;
  const reminder = { kind: 'handoff-reminder' as const, channel: details.incoming };
  posts.push({ ...reminder, scheduledAt: new Date(at - reminderMs) });
  if (details.outgoing !== null) {
    const request = { kind: 'handoff-note-request' as const, channel: details.outgoing };
    posts.push({ ...request, scheduledAt: new Date(at - NOTE_REQUEST_LEAD_MS) });
  }
  return posts;
}

/**
 * Every post of the rotation scheduled in [from, to). The reminder goes to the member whose shift
 * starts, the note request to the member whose shift ends; both are keyed by the handoff they are
 * about and left out when the same member keeps the next shift. An override note is left out at a
 * handoff instant (the handoff post says who is on duty) and when the person on duty does not change.
 */
export function rotationEvents(context: RotationContext, from: Date, to: Date): DueEvent[] {
  const { rotation, team, spec } = context;
  const reminderMs = rotation.reminder ? durationMs(rotation.reminder) : DEFAULT_REMINDER_MS;
  const until = new Date(to.getTime() + Math.max(reminderMs, NOTE_REQUEST_LEAD_MS));
  const changes = onCallChangesBetween(spec, context.changes, from, until);
  const shifts = shiftsBetween(spec, context.changes, new Date(from.getTime() - 1), until);
  const byStart = new Map(shifts.map((shift) => [shift.start.getTime(), shift]));
  const byEnd = new Map(shifts.map((shift) => [shift.end.getTime(), shift]));
  const inRange = (instant: Date) => instant >= from && instant < to;
  const events: DueEvent[] = [];
  const handoffs = new Set<number>();
  for (const change of changes) {
    if (change.kind !== 'handoff') continue;
    handoffs.add(change.at.getTime());
    const details = handoffDetails(change, byStart, byEnd);
    if (!details) continue;
    for (const post of handoffPosts(details, rotation.channel, reminderMs)) {
      if (!inRange(post.scheduledAt)) continue;
      const key = eventKey(post.kind, rotation.name, change.at);
      events.push({ ...post, key, team: team.name, rotation: rotation.name, details });
    }
  }
  const notes = overrideNotes(context, changes, handoffs);
  return [...events, ...notes.filter((note) => inRange(note.scheduledAt))];
}
