// What a rollback changes in the pod template, for the card's dry-run view: images, env names, resources, commands.
import type {
  V1Container,
  V1PodTemplateSpec,
  V1ResourceRequirements,
} from '@kubernetes/client-node';
import { semanticEqual, withoutHashLabel } from './equality.js';

export interface TemplateChange {
  /** Containers whose image changes; `null` where the container exists on one side only. */
  images: Array<{ container: string; from: string | null; to: string | null }>;
  /** Environment variable names only, never values. */
  env: { added: string[]; removed: string[]; changed: string[] };
  resources: Array<{ container: string; from: string; to: string }>;
  command: Array<{ container: string; changed: true }>;
  /** Anything else differs (volumes, probes, annotations, envFrom, container order, …). */
  other: boolean;
}

/** Init and regular containers by name (names are unique across both in a pod). */
function containersByName(template: V1PodTemplateSpec): Map<string, V1Container> {
  const spec = template.spec;
  const all = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  return new Map(all.map((c) => [c.name, c]));
}

function resourcesText(resources: V1ResourceRequirements | undefined): string {
  const part = (label: string, values: Record<string, string> | undefined) => {
    const entries = Object.entries(values ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    return entries.length ? `${label} ${entries.map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
  };
  const text = [part('requests', resources?.requests), part('limits', resources?.limits)]
    .filter(Boolean)
    .join(', ');
  return text || 'none';
}

function pushUnique(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

const LISTED_FIELDS = ['image', 'env', 'resources', 'command', 'args'] as const;

/** A container without the fields the view lists separately, to see whether anything else differs. */
function remainder(container: V1Container): Partial<V1Container> {
  const rest: Partial<V1Container> = { ...container };
  for (const field of LISTED_FIELDS) delete rest[field];
  return rest;
}

function templateRemainder(template: V1PodTemplateSpec, shared: Set<string>): unknown {
  const strip = (list: V1Container[] | undefined) =>
    (list ?? []).filter((c) => shared.has(c.name)).map(remainder);
  return {
    ...template,
    spec: {
      ...template.spec,
      initContainers: strip(template.spec?.initContainers),
      containers: strip(template.spec?.containers),
    },
  };
}

/** The differences between the template running now and the one the rollback brings back. */
export function describeChange(
  currentTemplate: V1PodTemplateSpec | undefined,
  targetTemplate: V1PodTemplateSpec | undefined,
): TemplateChange {
  const current = withoutHashLabel(currentTemplate);
  const target = withoutHashLabel(targetTemplate);
  const before = containersByName(current);
  const after = containersByName(target);
  const change: TemplateChange = {
    images: [],
    env: { added: [], removed: [], changed: [] },
    resources: [],
    command: [],
    other: false,
  };
  const shared = new Set<string>();
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(name);
    const to = after.get(name);
    if (!from || !to) {
      change.images.push({ container: name, from: from?.image ?? null, to: to?.image ?? null });
      continue;
    }
    shared.add(name);
    if ((from.image ?? '') !== (to.image ?? '')) {
      change.images.push({ container: name, from: from.image ?? '', to: to.image ?? '' });
    }
    const fromEnv = new Map((from.env ?? []).map((e) => [e.name, e]));
    const toEnv = new Map((to.env ?? []).map((e) => [e.name, e]));
    for (const [envName, variable] of toEnv) {
      const old = fromEnv.get(envName);
      if (!old) pushUnique(change.env.added, envName);
      else if (!semanticEqual(old, variable)) pushUnique(change.env.changed, envName);
    }
    for (const envName of fromEnv.keys()) {
      if (!toEnv.has(envName)) pushUnique(change.env.removed, envName);
    }
    if (!semanticEqual(from.resources, to.resources)) {
      change.resources.push({
        container: name,
        from: resourcesText(from.resources),
        to: resourcesText(to.resources),
      });
    }
    if (!semanticEqual(from.command, to.command) || !semanticEqual(from.args, to.args)) {
      change.command.push({ container: name, changed: true });
    }
  }
  change.other = !semanticEqual(
    templateRemainder(current, shared),
    templateRemainder(target, shared),
  );
  return change;
}
