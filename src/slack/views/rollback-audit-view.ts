// The /k8s audit answer: one line per step of every rollback (who, what, when), newest first, within Slack's limits.
import type { AuditEntry } from '../../rollback/audit/index.js';
import type { AuditAnswer } from '../../rollback/service/audit-trail.js';
import { workloadLabel } from '../../rollback/store/index.js';
import { slackDate } from '../date-token.js';
import type { SlackMessage } from '../message.js';
import { context, lineSections, section } from './blocks.js';
import { quoteUserText } from './user-text.js';

const who = (actor: string) => (/^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : actor);

function text(value: unknown): string {
  return typeof value === 'string' ? quoteUserText(value) : '';
}

function what(entry: AuditEntry): string {
  const d = entry.details;
  const revisions =
    typeof d.fromRevision === 'number' || typeof d.toRevision === 'number'
      ? ` (revision ${String(d.fromRevision ?? '?')} → ${String(d.toRevision ?? '?')})`
      : '';
  switch (entry.action) {
    case 'requested':
      return `requested by ${who(entry.actor)}${revisions}`;
    case 'approved':
      return `approved by ${who(entry.actor)}`;
    case 'rejected':
      return `rejected by ${who(entry.actor)}`;
    case 'expired':
      return 'expired without an approval';
    case 'break-glass':
      return `:rotating_light: BREAK-GLASS by ${who(entry.actor)}${revisions}: ${text(d.reason)}`;
    case 'executing':
      return 'rollback started';
    case 'patched':
      return `patched${revisions}`;
    case 'succeeded':
      return `succeeded: ${text(d.result)}`;
    case 'failed':
      return `failed: ${text(d.result)}`;
    case 'refused':
      return `refused ${who(entry.actor)} (${text(d.step)}): ${text(d.reason)}`;
  }
}

export function auditLine(entry: AuditEntry): string {
  const request = entry.requestId ? ` r${entry.requestId}` : '';
  return `${slackDate(entry.at)} · *${workloadLabel(entry.workload)}* (${entry.workload.cluster})${request} · ${what(entry)}`;
}

export function renderAudit(answer: AuditAnswer): SlackMessage {
  const heading = `*Rollback audit* — ${answer.subject}, since ${slackDate(answer.since)}`;
  if (answer.entries.length === 0)
    return {
      text: 'Rollback audit: nothing recorded',
      blocks: [
        section(heading),
        context('No rollback was requested, decided or run in that time.'),
      ],
    };
  const newestFirst = answer.entries.map(auditLine).reverse();
  return {
    text: `Rollback audit: ${answer.entries.length} entries`,
    blocks: [
      section(heading),
      ...lineSections(
        newestFirst,
        45,
        (n) => `…and ${n} older entries not shown; ask for fewer days or one workload.`,
      ),
    ],
  };
}
