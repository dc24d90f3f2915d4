// /k8s audit: who requested, approved and ran which rollback, and how it ended.
import type { RollbackAuditTrail } from '../../src/rollback/service/audit-trail.js';
import { renderAudit } from '../../src/slack/views/rollback-audit-view.js';
import type { K8sSubcommand } from '../k8s.js';
import { parseAuditArgs } from './rollback-args.js';

export function auditSubcommand(trail: RollbackAuditTrail): Record<string, K8sSubcommand> {
  return {
    audit: async (request, words) => {
      const args = parseAuditArgs(words);
      return renderAudit(
        await trail.trail({ channelId: request.channelId, userId: request.userId, ...args }),
      );
    },
  };
}
