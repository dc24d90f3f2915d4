// Whether Argo CD or Flux manages a workload (from their tracking labels and annotations), and what to tell the user.
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { GitopsPolicy } from './types.js';

export const ARGOCD_TRACKING_ID = 'argocd.argoproj.io/tracking-id';
export const ARGOCD_INSTANCE_LABEL = 'argocd.argoproj.io/instance';
export const FLUX_KUSTOMIZE_NAME = 'kustomize.toolkit.fluxcd.io/name';
export const FLUX_KUSTOMIZE_NAMESPACE = 'kustomize.toolkit.fluxcd.io/namespace';
export const FLUX_KUSTOMIZE_RECONCILE = 'kustomize.toolkit.fluxcd.io/reconcile';
export const FLUX_HELM_NAME = 'helm.toolkit.fluxcd.io/name';
export const FLUX_HELM_NAMESPACE = 'helm.toolkit.fluxcd.io/namespace';

export interface GitopsManager {
  tool: 'Argo CD' | 'Flux';
  /** The label or annotation that shows it, e.g. `label kustomize.toolkit.fluxcd.io/name=apps`. */
  evidence: string;
  /** The Argo CD Application, Flux Kustomization or HelmRelease that applies the workload. */
  owner: {
    kind: 'Application' | 'Kustomization' | 'HelmRelease';
    name: string;
    namespace?: string;
  };
}

/**
 * Argo CD's tracking id `<app>:<group>/<kind>:<namespace>/<name>` names the object it was written for; a copy
 * carried onto another object does not make Argo CD manage that one, so kind, namespace and name must match.
 */
function argoApplicationFromTrackingId(
  value: string,
  metadata: V1ObjectMeta,
  kind: string | undefined,
): { name: string; namespace?: string } | undefined {
  const match = /^([^:]+):([^/:]*)\/([^:]+):([^/]*)\/(.+)$/.exec(value);
  if (!match) return undefined;
  const [, app = '', , trackedKind, namespace = '', name] = match;
  if (name !== metadata.name || namespace !== (metadata.namespace ?? '')) return undefined;
  if (kind !== undefined && trackedKind !== kind) return undefined;
  const [appNamespace, appName] = app.includes('_') ? app.split('_', 2) : [undefined, app];
  return appNamespace ? { name: appName ?? app, namespace: appNamespace } : { name: app };
}

/**
 * The GitOps controller that applies this object, or null. `app.kubernetes.io/instance` alone is not taken as
 * Argo CD (Helm charts set it too); a Flux Kustomization with `reconcile: disabled` will not revert it, so it is not one.
 */
export function gitopsManager(
  object: { kind?: string; metadata?: V1ObjectMeta },
  kind: string | undefined = object.kind,
): GitopsManager | null {
  const metadata = object.metadata ?? {};
  const labels = metadata.labels ?? {};
  const annotations = metadata.annotations ?? {};
  const trackingId = annotations[ARGOCD_TRACKING_ID];
  const tracked =
    trackingId === undefined
      ? undefined
      : argoApplicationFromTrackingId(trackingId, metadata, kind);
  if (trackingId !== undefined && tracked) {
    return {
      tool: 'Argo CD',
      evidence: `annotation ${ARGOCD_TRACKING_ID}=${trackingId}`,
      owner: { kind: 'Application', ...tracked },
    };
  }
  const instance = labels[ARGOCD_INSTANCE_LABEL];
  if (instance) {
    return {
      tool: 'Argo CD',
      evidence: `label ${ARGOCD_INSTANCE_LABEL}=${instance}`,
      owner: { kind: 'Application', name: instance },
    };
  }
  const kustomization = labels[FLUX_KUSTOMIZE_NAME];
  if (kustomization && annotations[FLUX_KUSTOMIZE_RECONCILE] !== 'disabled') {
    return fluxManager(
      'Kustomization',
      FLUX_KUSTOMIZE_NAME,
      kustomization,
      labels[FLUX_KUSTOMIZE_NAMESPACE],
    );
  }
  const release = labels[FLUX_HELM_NAME];
  if (release)
    return fluxManager('HelmRelease', FLUX_HELM_NAME, release, labels[FLUX_HELM_NAMESPACE]);
  return null;
}

function fluxManager(
  kind: 'Kustomization' | 'HelmRelease',
  label: string,
  name: string,
  namespace: string | undefined,
): GitopsManager {
  return {
    tool: 'Flux',
    evidence: `label ${label}=${name}`,
    owner: { kind, name, ...(namespace ? { namespace } : {}) },
  };
}

/** The warning (policy `warn`) or refusal (policy `refuse`) for a workload a GitOps controller manages. */
export function gitopsSentence(manager: GitopsManager, ref: string, policy: GitopsPolicy): string {
  if (policy === 'refuse') {
    return `${manager.tool} manages ${ref}, and rollbacks of GitOps-managed workloads are turned off here (rollback.gitops: refuse); revert the change in Git instead`;
  }
  if (manager.tool === 'Argo CD') {
    return `Argo CD manages ${ref} and may revert this rollback; pause its auto-sync first`;
  }
  const { kind, name, namespace } = manager.owner;
  const command = `flux suspend ${kind.toLowerCase()} ${name}${namespace ? ` -n ${namespace}` : ''}`;
  return `Flux manages ${ref} and may revert this rollback; suspend its reconciliation first (${command})`;
}
