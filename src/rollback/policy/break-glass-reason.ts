// The reason a break-glass rollback must carry: present, and short enough to show in Slack.

/** Longest break-glass reason kept; it is shown inside the card and the audit answer. */
export const MAX_REASON_LENGTH = 500;

export type ReasonCheck = { ok: true; reason: string } | { ok: false; problem: string };

/** The trimmed reason, or a sentence saying what is wrong with it. */
export function checkBreakGlassReason(reason: string | undefined): ReasonCheck {
  const text = reason?.trim() ?? '';
  if (text === '')
    return {
      ok: false,
      problem:
        'Say why you are rolling back without approval; the reason is recorded and shown to the team.',
    };
  if (text.length > MAX_REASON_LENGTH)
    return {
      ok: false,
      problem: `The reason is ${text.length} characters long; keep it to ${MAX_REASON_LENGTH} or fewer.`,
    };
  return { ok: true, reason: text };
}
