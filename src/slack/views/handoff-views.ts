// The handoff post (outgoing → incoming with the shift's digest), the reminder DM, the note request,
// the acknowledgement, the nudge and the one-line override notes.
import type { HandoffDetails } from '../../scheduler/due-events.js';
import type { HandoffDigest } from '../../statuslog/digest.js';
import { slackDate } from '../date-token.js';
import type { Block, SlackMessage } from '../message.js';
import { context, divider, header, lineSections, section } from './blocks.js';
import { clusterLines, pendingLines, rollbackLines, rolloutLines, titled } from './digest-parts.js';
import { entryLine } from './status-log-view.js';
import { quoteUserText } from './user-text.js';

export const handoffActions = { acknowledge: 'handoff_ack', writeNote: 'handoff_note' } as const;
export const handoffNoteModal = {
  callbackId: 'handoff_note_modal',
  block: 'note',
  action: 'value',
} as const;

const who = (id: string | null) => (id ? `<@${id}>` : '_nobody_');

function digestBlocks(d: HandoffDigest): Block[] {
  const covers = d.openCovers.map(
    (c) =>
      `• <@${c.requester}> needs cover ${slackDate(c.start)} → ${slackDate(c.end)} (\`c${c.id}\`)`,
  );
  const overrides = d.overrides.map(
    (o) =>
      `• <@${o.member}> covered ${slackDate(o.start)} → ${slackDate(o.end)}${o.reason ? ` — ${quoteUserText(o.reason)}` : ''}${o.cancelledAt ? ' (cancelled)' : ''}`,
  );
  const open = d.openItems.map(
    (i) => `:white_square: #${i.id} ${quoteUserText(i.body)} — <@${i.author}>`,
  );
  return [
    ...lineSections(titled('Rollouts this shift', rolloutLines(d.rollouts)), 3),
    ...lineSections(titled('Rollbacks this shift', rollbackLines(d.rollbacks)), 2),
    ...lineSections(
      titled('Still degraded now', clusterLines(d.degradedNow), 'Every cluster is healthy.'),
      3,
    ),
    ...lineSections(titled('Pending rollback requests', pendingLines(d.pendingRollbacks)), 2),
    ...lineSections(titled('Open cover requests', covers), 2),
    ...lineSections(titled('Open items', open), 3),
    ...lineSections(titled('Overrides this shift', overrides), 2),
    ...lineSections(
      titled('Log this shift', d.logEntries.map(entryLine), 'Nothing was logged.'),
      6,
    ),
  ];
}

export function renderHandoffPost(d: HandoffDigest, postKey: string): SlackMessage {
  const { details } = d;
  const window = `${slackDate(details.incomingShift.start)} → ${slackDate(details.incomingShift.end)}`;
  const note = d.note
    ? [section(`*Handoff note from <@${d.note.author}>*\n${quoteUserText(d.note.note)}`)]
    : [context('No handoff note was written.')];
  return {
    text: `Handoff ${d.rotation.name}: ${details.outgoing ? `<@${details.outgoing}> → ` : ''}<@${details.incoming}>`,
    blocks: [
      header(`Handoff — ${d.rotation.name}`),
      section(`${who(details.outgoing)} → ${who(details.incoming)}\nNew shift: ${window}`),
      ...note,
      divider(),
      ...digestBlocks(d),
      {
        type: 'actions',
        block_id: 'handoff-ack',
        elements: [
          {
            type: 'button',
            action_id: handoffActions.acknowledge,
            style: 'primary',
            text: { type: 'plain_text', text: 'I have it' },
            value: postKey,
          },
        ],
      },
      context(`<@${details.incoming}>, please acknowledge the handoff.`),
    ],
  };
}

export function renderHandoffReminder(d: HandoffDigest): SlackMessage {
  return {
    text: `Your ${d.rotation.name} shift starts ${slackDate(d.details.handoffAt)}`,
    blocks: [
      section(
        `:wave: Your *${d.rotation.name}* shift starts ${slackDate(d.details.incomingShift.start)} and runs to ${slackDate(d.details.incomingShift.end)}. Here is the shift so far:`,
      ),
      ...digestBlocks(d),
    ].slice(0, 49),
  };
}

export function renderNoteRequest(
  rotation: string,
  details: HandoffDetails,
  postKey: string,
): SlackMessage {
  return {
    text: `Handoff note for ${rotation}`,
    blocks: [
      section(
        `Your *${rotation}* shift ends ${slackDate(details.handoffAt)}. Leave a short note for ${who(details.incoming)}? It goes into the handoff post.`,
      ),
      {
        type: 'actions',
        block_id: 'handoff-note',
        elements: [
          {
            type: 'button',
            action_id: handoffActions.writeNote,
            text: { type: 'plain_text', text: 'Write handoff note' },
            value: postKey,
          },
        ],
      },
    ],
  };
}

export function renderOverrideNote(
  rotation: string,
  details: { at: Date; from: string | null; to: string | null; changes: string[] },
): SlackMessage {
  const started = details.changes.includes('override-start');
  const text = started
    ? `:arrows_counterclockwise: ${who(details.to)} is now on call for *${rotation}* (override; was ${who(details.from)}).`
    : `:arrows_counterclockwise: Override on *${rotation}* ended: ${who(details.to)} is on call again.`;
  return { text: `On-call changed on ${rotation}`, blocks: [section(text)] };
}

/** The handoff post once acknowledged: the button and its prompt go, a line says who and when. */
export function acknowledgedBlocks(original: Block[], by: string, at: Date): Block[] {
  const isAckPart = (b: Block) =>
    (b.type === 'actions' && b.block_id === 'handoff-ack') ||
    (b.type === 'context' && JSON.stringify(b).includes('please acknowledge'));
  return [
    ...original.filter((b) => !isAckPart(b)),
    context(`:white_check_mark: Acknowledged by <@${by}> ${slackDate(at)}.`),
  ];
}

export function renderNudge(incoming: string): SlackMessage {
  return {
    text: 'Handoff not acknowledged yet',
    blocks: [
      section(`<@${incoming}>, the handoff above has not been acknowledged yet — are you on it?`),
    ],
  };
}

export function renderNoteModal(postKey: string, rotation: string) {
  return {
    type: 'modal' as const,
    callback_id: handoffNoteModal.callbackId,
    private_metadata: JSON.stringify({ postKey }),
    title: { type: 'plain_text' as const, text: 'Handoff note' },
    submit: { type: 'plain_text' as const, text: 'Save note' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: handoffNoteModal.block,
        label: {
          type: 'plain_text' as const,
          text: `What should the next ${rotation} on-call know?`,
        },
        element: {
          type: 'plain_text_input' as const,
          action_id: handoffNoteModal.action,
          multiline: true,
          max_length: 2000,
        },
      },
    ],
  };
}
