// Text shared by the rollout notice and its thread: short image names and what a revision changed.
import { escapeText } from '../../cluster-queries/echo.js';
import type { ImageChange, NoticeView } from '../../notices/types.js';

/** An image without its registry and path: `registry.example.com/shop/web:1.4.2` → `web:1.4.2`. */
export function shortImage(image: string): string {
  const [name = image, digest] = image.split('@');
  const last = name.slice(name.lastIndexOf('/') + 1) || name;
  if (digest === undefined) return last;
  const [algorithm, hex = ''] = digest.split(':');
  return `${last}@${algorithm ?? ''}:${hex.slice(0, 12)}`;
}

export function code(text: string): string {
  return `\`${escapeText(text.replace(/`/g, "'"))}\``;
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function imageChangeText(change: ImageChange, named: boolean): string {
  const who = named ? `${escapeText(change.container)} ` : '';
  if (change.to === null) return `${who}removed (was ${code(shortImage(change.from ?? ''))})`;
  if (change.from === null) return `${who}${code(shortImage(change.to))}`;
  return `${who}${code(shortImage(change.to))}, was ${code(shortImage(change.from))}`;
}

const OTHER_NAMES: Record<string, string> = {
  env: 'env',
  resources: 'resources',
  command: 'command',
  other: 'other settings',
};

/** "(`web:1.4.2`, was `web:1.4.1`)", "(`web:1.0.0`, first revision)" or "(same images; env changed)". */
export function changeSummary(view: NoticeView): string {
  const named = view.images.length > 1;
  const images = view.images.slice(0, 4).map((change) => imageChangeText(change, named));
  if (view.images.length > 4) images.push(`${view.images.length - 4} more images`);
  const others = view.otherChanges.map((kind) => OTHER_NAMES[kind] ?? kind);
  const parts: string[] = [];
  if (images.length > 0) parts.push(images.join('; '));
  if (view.previousRevision === null) parts.push('first revision');
  else if (images.length === 0)
    parts.push(others.length > 0 ? `same images; ${others.join(', ')} changed` : 'same images');
  else if (others.length > 0) parts.push(`${others.join(', ')} changed too`);
  return `(${parts.join(', ')})`;
}

/** " — change-cause “release 1.4.2”", or nothing. */
export function changeCauseText(view: NoticeView): string {
  return view.changeCause ? ` — change-cause “${escapeText(clip(view.changeCause, 200))}”` : '';
}

/** `shop/web` on prod-eu, bold. */
export function workloadText(view: NoticeView): string {
  return `*${escapeText(`${view.namespace}/${view.workload}`)}* on ${escapeText(view.cluster)}`;
}

/** "45 s", "12 min", "2 h 5 min". */
export function durationText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
