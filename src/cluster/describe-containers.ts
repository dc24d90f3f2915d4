// Container lines for describe: image, state, resources and environment variable NAMES only —
// values never appear; secret and config map references say where the value comes from.
import type {
  V1Container,
  V1ContainerState,
  V1ContainerStatus,
  V1EnvFromSource,
  V1EnvVar,
} from '@kubernetes/client-node';

function stamp(value: Date | string | undefined): string {
  if (value === undefined) return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : ` since ${date.toISOString()}`;
}

/** One environment variable as describe shows it: the name and, for references, the source — never a value. */
export function envLine(env: V1EnvVar): string {
  const from = env.valueFrom;
  if (from?.secretKeyRef) return `${env.name} (from secret ${from.secretKeyRef.name ?? '?'})`;
  if (from?.configMapKeyRef)
    return `${env.name} (from config map ${from.configMapKeyRef.name ?? '?'}, key ${from.configMapKeyRef.key})`;
  if (from?.fieldRef) return `${env.name} (from field ${from.fieldRef.fieldPath})`;
  if (from?.resourceFieldRef)
    return `${env.name} (from resource ${from.resourceFieldRef.resource})`;
  return env.name;
}

function envFromLine(source: V1EnvFromSource): string {
  const prefix = source.prefix ? ` with prefix ${source.prefix}` : '';
  if (source.secretRef) return `all keys of secret ${source.secretRef.name ?? '?'}${prefix}`;
  if (source.configMapRef)
    return `all keys of config map ${source.configMapRef.name ?? '?'}${prefix}`;
  return 'an unknown source';
}

export function stateLine(state: V1ContainerState | undefined): string {
  if (state?.running) return `Running${stamp(state.running.startedAt)}`;
  if (state?.waiting) {
    const message = state.waiting.message ? ` — ${state.waiting.message}` : '';
    return `Waiting: ${state.waiting.reason ?? 'unknown'}${message}`;
  }
  if (state?.terminated) {
    const t = state.terminated;
    return `Terminated: ${t.reason ?? 'unknown'} (exit code ${t.exitCode})${stamp(t.finishedAt)}`;
  }
  return 'unknown';
}

function quantities(values: Record<string, string> | undefined): string {
  const entries = Object.entries(values ?? {});
  return entries.length ? entries.map(([key, value]) => `${key} ${value}`).join(', ') : 'none';
}

/** Lines for one container of a spec, with its status when the object is a pod. */
export function containerLines(
  container: V1Container,
  status?: V1ContainerStatus,
  label = 'Container',
): string[] {
  const lines = [`${label} ${container.name}:`, `  Image: ${container.image ?? '?'}`];
  const ports = container.ports?.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
  if (ports?.length) lines.push(`  Ports: ${ports.join(', ')}`);
  if (status) {
    lines.push(`  State: ${stateLine(status.state)}`);
    if (status.lastState?.terminated) lines.push(`  Last state: ${stateLine(status.lastState)}`);
    lines.push(`  Ready: ${status.ready ? 'yes' : 'no'}, restarts: ${status.restartCount}`);
  }
  const resources = container.resources;
  if (resources?.requests || resources?.limits) {
    lines.push(
      `  Requests: ${quantities(resources.requests)}; limits: ${quantities(resources.limits)}`,
    );
  }
  const env = container.env ?? [];
  if (env.length) lines.push(`  Environment (names only): ${env.map(envLine).join(', ')}`);
  const envFrom = container.envFrom ?? [];
  if (envFrom.length) lines.push(`  Environment from: ${envFrom.map(envFromLine).join(', ')}`);
  const mounts = container.volumeMounts?.map(
    (m) => `${m.mountPath} from ${m.name}${m.readOnly ? ' (ro)' : ''}`,
  );
  if (mounts?.length) lines.push(`  Mounts: ${mounts.join(', ')}`);
  return lines;
}
