// How fresh a /k8s answer is: "as of" when the watch cache is live, "last synced" when it is not.
import type { Source } from '../../cluster-queries/models.js';
import { slackDate } from '../date-token.js';
import { escapeText } from '../../cluster-queries/echo.js';

/** A cache that is not currently in sync with its cluster (the watch dropped or an error came back). */
export function isStale(source: Source): boolean {
  return !source.state.synced || source.state.lastError !== null;
}

export function freshnessNote(source: Source): string {
  const asOf = `${source.cluster} · as of ${slackDate(source.at)}`;
  if (!isStale(source)) return asOf;
  const error = source.state.lastError ? escapeText(clip(source.state.lastError)) : '';
  if (source.state.synced) return `:warning: ${asOf} — part of the cache is not current: ${error}`;
  const synced = source.state.lastSyncedAt
    ? `last synced ${slackDate(source.state.lastSyncedAt)}`
    : 'never synced';
  return (
    `:warning: ${source.cluster} · ${synced}${error ? ` (${error})` : ''} — this may be out of date; ` +
    'Watchkeeper keeps reconnecting.'
  );
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
