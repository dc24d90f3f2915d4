// What a scheduled post is before it is claimed: its kind, natural key, audience and instant.

export type DueEventKind =
  'daily-status' | 'handoff' | 'handoff-reminder' | 'handoff-note-request' | 'override-note';

export interface ShiftSpan {
  start: Date;
  end: Date;
}

/** A handoff as the handoff post, the reminder and the note request describe it. */
export interface HandoffDetails {
  handoffAt: Date;
  /** Whose shift ends at the handoff (swaps applied, overrides not); null at the first handoff. */
  outgoing: string | null;
  /** Whose shift starts at the handoff (swaps applied, overrides not). */
  incoming: string;
  /** Who is on duty just before and from the handoff (overrides and coverage applied; null: nobody). */
  onDutyBefore: string | null;
  onDutyAfter: string | null;
  /** The shift that ends at the handoff; absent at the rotation's first handoff. */
  outgoingShift?: ShiftSpan;
  incomingShift: ShiftSpan;
}

interface EventBase {
  /** Natural key: kind, team or rotation, and an ISO instant. Claimed once in scheduled_posts. */
  key: string;
  team: string;
  /** A channel id, or a user id for a direct message. */
  channel: string;
  scheduledAt: Date;
}

export interface DailyStatusEvent extends EventBase {
  kind: 'daily-status';
  rotation?: undefined;
  /** The local date the post is for, in the status log's zone. */
  details: { date: string; timezone: string };
}

export interface HandoffEvent extends EventBase {
  kind: 'handoff' | 'handoff-reminder' | 'handoff-note-request';
  rotation: string;
  details: HandoffDetails;
}

export interface OverrideNoteEvent extends EventBase {
  kind: 'override-note';
  rotation: string;
  /** Who was on duty before and after; `changes` lists which overrides ended and/or started. */
  details: {
    at: Date;
    from: string | null;
    to: string | null;
    changes: Array<'override-start' | 'override-end'>;
  };
}

export type DueEvent = DailyStatusEvent | HandoffEvent | OverrideNoteEvent;

/** `kind:subject:ISO`, e.g. `handoff:zurich:2026-03-30T07:00:00.000Z`. */
export function eventKey(kind: DueEventKind, subject: string, instant: Date): string {
  return `${kind}:${subject}:${instant.toISOString()}`;
}
