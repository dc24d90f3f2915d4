// GitOps detection from Argo CD's and Flux's tracking labels and annotations, and the sentences for each policy.
import type { V1ObjectMeta } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { gitopsManager, gitopsSentence } from '../../src/rollback/engine/index.js';
import type { GitopsManager } from '../../src/rollback/engine/index.js';

const object = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({
  metadata: { name: 'web', namespace: 'shop', labels, annotations } satisfies V1ObjectMeta,
});

describe('gitopsManager', () => {
  it.each<[string, ReturnType<typeof object>, GitopsManager | null]>([
    [
      'Argo CD tracking-id annotation naming this object',
      object({}, { 'argocd.argoproj.io/tracking-id': 'shop-web:apps/Deployment:shop/web' }),
      {
        tool: 'Argo CD',
        evidence: 'annotation argocd.argoproj.io/tracking-id=shop-web:apps/Deployment:shop/web',
        owner: { kind: 'Application', name: 'shop-web' },
      },
    ],
    [
      'Argo CD tracking-id of an Application in another namespace (apps in any namespace)',
      object({}, { 'argocd.argoproj.io/tracking-id': 'team-a_web:apps/Deployment:shop/web' }),
      {
        tool: 'Argo CD',
        evidence: 'annotation argocd.argoproj.io/tracking-id=team-a_web:apps/Deployment:shop/web',
        owner: { kind: 'Application', name: 'web', namespace: 'team-a' },
      },
    ],
    [
      'a tracking-id copied from another object does not count',
      object({}, { 'argocd.argoproj.io/tracking-id': 'shop-web:apps/Deployment:shop/api' }),
      null,
    ],
    [
      'a tracking-id for another kind does not count',
      object({}, { 'argocd.argoproj.io/tracking-id': 'shop-web:apps/StatefulSet:shop/web' }),
      null,
    ],
    [
      'a malformed tracking-id does not count',
      object({}, { 'argocd.argoproj.io/tracking-id': 'shop-web' }),
      null,
    ],
    [
      'Argo CD custom instance label argocd.argoproj.io/instance',
      object({ 'argocd.argoproj.io/instance': 'shop-web' }),
      {
        tool: 'Argo CD',
        evidence: 'label argocd.argoproj.io/instance=shop-web',
        owner: { kind: 'Application', name: 'shop-web' },
      },
    ],
    [
      'app.kubernetes.io/instance alone is ambiguous (Helm sets it too)',
      object({ 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/managed-by': 'Helm' }),
      null,
    ],
    [
      'Flux kustomize-controller labels',
      object({
        'kustomize.toolkit.fluxcd.io/name': 'apps',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      }),
      {
        tool: 'Flux',
        evidence: 'label kustomize.toolkit.fluxcd.io/name=apps',
        owner: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' },
      },
    ],
    [
      'Flux Kustomization with reconcile disabled will not revert it',
      object(
        { 'kustomize.toolkit.fluxcd.io/name': 'apps' },
        { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' },
      ),
      null,
    ],
    [
      'Flux helm-controller labels',
      object({
        'helm.toolkit.fluxcd.io/name': 'web',
        'helm.toolkit.fluxcd.io/namespace': 'shop',
      }),
      {
        tool: 'Flux',
        evidence: 'label helm.toolkit.fluxcd.io/name=web',
        owner: { kind: 'HelmRelease', name: 'web', namespace: 'shop' },
      },
    ],
    ['no GitOps markers', object({ app: 'web' }), null],
  ])('%s', (_name, obj, expected) => {
    expect(gitopsManager(obj, 'Deployment')).toEqual(expected);
  });
});

describe('gitopsSentence', () => {
  const argo: GitopsManager = {
    tool: 'Argo CD',
    evidence: 'label argocd.argoproj.io/instance=shop-web',
    owner: { kind: 'Application', name: 'shop-web' },
  };
  const flux: GitopsManager = {
    tool: 'Flux',
    evidence: 'label kustomize.toolkit.fluxcd.io/name=apps',
    owner: { kind: 'Kustomization', name: 'apps', namespace: 'flux-system' },
  };

  it.each<[string, GitopsManager, 'warn' | 'refuse', string]>([
    [
      'Argo CD, warn',
      argo,
      'warn',
      'Argo CD manages shop/web and may revert this rollback; pause its auto-sync first',
    ],
    [
      'Flux, warn: names the command that suspends it',
      flux,
      'warn',
      'Flux manages shop/web and may revert this rollback; suspend its reconciliation first (flux suspend kustomization apps -n flux-system)',
    ],
    [
      'refuse',
      argo,
      'refuse',
      'Argo CD manages shop/web, and rollbacks of GitOps-managed workloads are turned off here (rollback.gitops: refuse); revert the change in Git instead',
    ],
  ])('%s', (_name, manager, policy, sentence) => {
    expect(gitopsSentence(manager, 'shop/web', policy)).toBe(sentence);
  });
});
