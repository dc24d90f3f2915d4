// Who may request, approve, or alone carry out a rollback: pure decisions from app.yaml's `rollback:`.
import type { RollbackPolicy } from '../config/schema.js';
import { ALLOWED, refused, type PolicyContext, type PolicyDecision } from './policy/context.js';
import { inWhere, isListed, joinOr, mentions, onCallPhrase, userMention } from './policy/people.js';

export { ALLOWED, type PolicyContext, type PolicyDecision } from './policy/context.js';
export {
  MAX_REASON_LENGTH,
  checkBreakGlassReason,
  type ReasonCheck,
} from './policy/break-glass-reason.js';

/** What the approval rules need of a request. */
export interface RequestAuthor {
  requestedBy: string;
}

/** Requesters listed in app.yaml, or (left out) anyone clicking in one of the owning team's channels. */
export function mayRequest(
  policy: RollbackPolicy,
  ctx: PolicyContext,
  actor: string,
): PolicyDecision {
  const listed = policy.requesters;
  if (!listed) {
    if (ctx.teamChannelsMember) return ALLOWED;
    const channels = (ctx.teamChannels ?? []).map((channel) => `<#${channel}>`);
    const where = channels.length > 0 ? ` (${joinOr(channels)})` : '';
    return refused(
      `Rollbacks${inWhere(ctx)} can only be requested from the owning team's channels${where}.`,
    );
  }
  if (isListed(listed, ctx, actor)) return ALLOWED;
  const who = mentions(listed);
  if (who.length === 0)
    return refused(
      `Nobody may request rollbacks${inWhere(ctx)}: rollback.requesters in app.yaml names nobody who can be found in Slack.`,
    );
  return refused(`Only ${joinOr(who)} may request rollbacks${inWhere(ctx)}.`);
}

/** Listed approvers and (with `onCall`) whoever is on duty now; never the requester unless `selfApproval`. */
export function mayApprove(
  policy: RollbackPolicy,
  ctx: PolicyContext,
  request: RequestAuthor,
  actor: string,
): PolicyDecision {
  if (actor === request.requestedBy && !policy.selfApproval)
    return refused(
      `You asked for this rollback; someone else has to approve it (${whoMayApprove(policy, ctx, [actor])}).`,
    );
  if (isApprover(policy, ctx, actor)) return ALLOWED;
  return refused(notAnApprover(policy, ctx));
}

/**
 * Rolling back alone ("roll back first, investigate later"): only when app.yaml allows it, only the
 * person whose shift it is, and only while their rotation is outside coverage hours. The caller
 * still needs a reason (`checkBreakGlassReason`) and records the rollback as break-glass.
 */
export function mayBreakGlass(
  policy: RollbackPolicy,
  ctx: PolicyContext,
  actor: string,
): PolicyDecision {
  const askInstead = `ask ${whoMayApprove(policy, ctx, [actor])} to approve instead`;
  if (!policy.breakGlass.onCallOutsideCoverage)
    return refused(
      `Rolling back without approval is switched off (rollback.breakGlass.onCallOutsideCoverage in app.yaml); ${askInstead}.`,
    );
  if (ctx.onCallOutsideCoverage.includes(actor)) return ALLOWED;
  if (ctx.onCallNow.includes(actor))
    return refused(
      `You are on duty inside coverage hours, when a rollback needs a second person; ${askInstead}.`,
    );
  const shiftHolders = ctx.onCallOutsideCoverage.map(userMention);
  const whose =
    shiftHolders.length > 0
      ? `the on-call whose shift it is (${joinOr(shiftHolders)})`
      : 'the on-call';
  return refused(
    `Only ${whose} may roll back without approval, and only outside coverage hours; ${askInstead}.`,
  );
}

/**
 * Who may approve, as one phrase for cards and refusals: "<!subteam^S0PLATFORM>, <@U0MANAGER1> or
 * the current on-call (<@U0ALICE01>)". People in `except` (the requester) are left out.
 */
export function whoMayApprove(
  policy: RollbackPolicy,
  ctx: PolicyContext,
  except: readonly string[] = [],
): string {
  const parts = mentions(policy.approvers, except);
  if (policy.approvers.onCall) parts.push(onCallPhrase(ctx.onCallNow, except));
  return parts.length > 0 ? joinOr(parts) : 'nobody (see rollback.approvers in app.yaml)';
}

function isApprover(policy: RollbackPolicy, ctx: PolicyContext, actor: string): boolean {
  if (isListed(policy.approvers, ctx, actor)) return true;
  return policy.approvers.onCall && ctx.onCallNow.includes(actor);
}

function notAnApprover(policy: RollbackPolicy, ctx: PolicyContext): string {
  const { approvers } = policy;
  if (mentions(approvers).length === 0 && !approvers.onCall)
    return `Nobody may approve rollbacks${inWhere(ctx)}: rollback.approvers in app.yaml names nobody who can be found in Slack.`;
  return `Only ${whoMayApprove(policy, ctx)} may approve rollbacks${inWhere(ctx)}.`;
}
