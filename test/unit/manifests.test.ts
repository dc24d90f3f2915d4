// The Kubernetes manifests' structure: what each kustomization applies, the Deployment's replicas, probes,
// resources, security context, config and secrets, the migration Job, Service, PDB, NetworkPolicy and RBAC.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

// Manifests are free-form YAML; each check below states the shape it expects.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = new URL('../../manifest/kubernetes/', import.meta.url).pathname;
const load = (path: string): Json[] =>
  parseAllDocuments(readFileSync(join(dir, path), 'utf8')).map((doc) => doc.toJSON() as Json);
const kustomization = (sub: string) => load(join(sub, 'kustomization.yaml'))[0] as Json;
/** The objects a kustomization directory applies (before kustomize's own transformations). */
const applied = (sub: string): Json[] =>
  (kustomization(sub).resources as string[]).flatMap((file) => load(join(sub, file)));

const main = applied('.');
const job = load('migrate/job.yaml')[0] as Json;
const one = (kind: string, objects = main) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Json;
};
const deployment = one('Deployment');
const pod = deployment.spec.template;
const container = pod.spec.containers[0] as Json;
const podLabels = pod.metadata.labels as Record<string, string>;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const ruleKey = (rules: Json[]) => JSON.stringify(rules);

describe('kustomizations', () => {
  it('apply every manifest file once, and never the example Secret', () => {
    const listed = ['.', 'namespaced', 'migrate'].flatMap((sub) =>
      (kustomization(sub).resources as string[]).map((file) => join(sub, file)),
    );
    const files = ['.', 'namespaced', 'migrate'].flatMap((sub) =>
      readdirSync(join(dir, sub))
        .filter((f) => f.endsWith('.yaml') && !['kustomization.yaml', 'app.yaml'].includes(f))
        .map((f) => join(sub, f)),
    );
    expect(listed.sort()).toEqual(files.filter((f) => f !== 'secret.example.yaml').sort());
    expect(existsSync(join(dir, 'secret.example.yaml'))).toBe(true);
  });

  it('deploy the kinds an operator expects', () => {
    expect(main.map((o) => o.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRole',
      'ClusterRoleBinding',
      'ClusterRoleBinding',
      'Deployment',
      'Namespace',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
    ]);
    expect(applied('migrate').map((o) => o.kind)).toEqual(['Job']);
    expect(one('Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
  });

  it('run one pinned image, never `latest`, for the bot and the migration', () => {
    const images = [container.image, job.spec.template.spec.containers[0].image] as string[];
    expect(new Set(images).size).toBe(1);
    expect(images[0]).toMatch(/^[^:]+:(?!latest$)[\w.-]+$/);
    const tags = ['.', 'migrate'].map((sub) => kustomization(sub).images as Json[]);
    expect(tags[0]).toEqual(tags[1]);
    expect(tags[0]?.[0]?.name).toBe(images[0]?.split(':')[0]);
    expect(tags[0]?.[0]?.newTag).not.toBe('latest');
  });
});

describe('Deployment', () => {
  it('runs 2 replicas that roll one at a time and are probed on /healthz and /readyz', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(container.args).toEqual(['start']);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
  });

  it('sets resource requests and limits (512Mi memory) and keeps the heap under the limit', () => {
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: '256Mi' });
    expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: '512Mi' });
    const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, e]));
    expect(env.NODE_OPTIONS?.value).toBe('--max-old-space-size=384');
  });

  it('runs as non-root on a read-only root with no capabilities, tmp on an emptyDir', () => {
    for (const spec of [pod.spec, job.spec.template.spec]) {
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      const c = spec.containers[0] as Json;
      expect(c.securityContext).toEqual({
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 1000,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(c.resources.limits.memory).toBeDefined();
      const tmp = (c.volumeMounts as Json[]).find((m) => m.mountPath === '/tmp');
      const volume = (spec.volumes as Json[]).find((v) => v.name === tmp?.name);
      expect(volume?.emptyDir).toBeDefined();
    }
  });

  it('reads app.yaml from the generated ConfigMap and secrets only through secretKeyRef', () => {
    const env = Object.fromEntries((container.env as Json[]).map((e) => [e.name, e]));
    const mount = (container.volumeMounts as Json[]).find((m) => m.name === 'config');
    expect(env.APP_CONFIG?.value).toBe(`${mount?.mountPath}/app.yaml`);
    const volume = (pod.spec.volumes as Json[]).find((v) => v.name === 'config');
    expect(volume?.configMap.name).toBe(kustomization('.').configMapGenerator[0].name);
    expect(kustomization('.').configMapGenerator[0].files).toEqual(['app.yaml']);
    expect(env.PUBLIC_URL?.value).toMatch(/^https:\/\//);
    const example = load('secret.example.yaml')[0] as Json;
    const refs = [
      ...(container.env as Json[]),
      ...(job.spec.template.spec.containers[0].env as Json[]),
    ]
      .filter((e) => e.valueFrom)
      .map((e) => ({ name: e.name, ref: e.valueFrom.secretKeyRef }));
    expect(refs.map((r) => r.name).sort()).toEqual([
      'DATABASE_URL',
      'DATABASE_URL',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
    ]);
    for (const { name, ref } of refs) {
      expect(ref.name).toBe(example.metadata.name);
      expect(ref.key).toBe(name);
      expect(ref.optional === true).toBe(
        ['SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'].includes(name),
      );
    }
    expect(Object.keys(example.stringData).sort()).toEqual([
      'DATABASE_URL',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
    ]);
  });

  it('uses the ServiceAccount the role bindings name', () => {
    expect(pod.spec.serviceAccountName).toBe(one('ServiceAccount').metadata.name);
  });
});

describe('migration Job', () => {
  it('runs `watchkeeper migrate` once, without a service account token', () => {
    expect(job.spec.template.spec.containers[0].args).toEqual(['migrate']);
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
  });
});

describe('Service, PodDisruptionBudget and NetworkPolicy', () => {
  it('send port 80 to the bot pods only, and keep one of them through disruptions', () => {
    const service = one('Service');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    expect(selects(service.spec.selector, podLabels)).toBe(true);
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(selects(pdb.spec.selector.matchLabels, podLabels)).toBe(true);
    const jobLabels = job.spec.template.metadata.labels;
    expect(selects(service.spec.selector, jobLabels)).toBe(false);
    expect(selects(pdb.spec.selector.matchLabels, jobLabels)).toBe(false);
  });

  it('let in port 3000 only, and out DNS, the Kubernetes API, PostgreSQL and HTTPS', () => {
    const policy = one('NetworkPolicy');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(selects(policy.spec.podSelector.matchLabels, podLabels)).toBe(true);
    const ports = (rules: Json[]) =>
      rules.flatMap((r) => (r.ports as Json[]).map((p) => `${p.protocol}/${p.port}`)).sort();
    expect(ports(policy.spec.ingress)).toEqual(['TCP/3000']);
    expect([...new Set(ports(policy.spec.egress))]).toEqual([
      'TCP/443',
      'TCP/53',
      'TCP/5432',
      'TCP/6443',
      'UDP/53',
    ]);
  });
});

describe('RBAC', () => {
  const roles = main.filter((o) => o.kind === 'ClusterRole');
  const byName = (name: string) => roles.find((r) => r.metadata.name === name) as Json;
  const namespaced = applied('namespaced');

  it('patches only Deployments, StatefulSets and DaemonSets, and never touches Secrets or ConfigMaps', () => {
    const rules = [...roles, ...namespaced.filter((o) => o.kind === 'Role')].flatMap(
      (r) => r.rules as Json[],
    );
    for (const rule of rules) {
      expect(rule.resources).not.toContain('secrets');
      expect(rule.resources).not.toContain('configmaps');
      for (const verb of rule.verbs as string[]) {
        expect(['get', 'list', 'watch', 'patch']).toContain(verb);
        if (verb === 'patch')
          expect(rule.resources).toEqual(['deployments', 'statefulsets', 'daemonsets']);
      }
    }
  });

  it('binds both ClusterRoles to the ServiceAccount in its namespace', () => {
    const account = one('ServiceAccount').metadata;
    const bindings = main.filter((o) => o.kind === 'ClusterRoleBinding');
    expect(bindings.map((b) => b.roleRef.name).sort()).toEqual(
      roles.map((r) => r.metadata.name).sort(),
    );
    for (const binding of bindings) {
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: account.name, namespace: account.namespace },
      ]);
    }
  });

  it('gives each namespaced Role exactly the rules of ClusterRole watchkeeper-rollback', () => {
    const namespacedRoles = namespaced.filter((o) => o.kind === 'Role');
    expect(namespacedRoles.length).toBeGreaterThan(0);
    for (const role of namespacedRoles) {
      expect(ruleKey(role.rules)).toBe(ruleKey(byName('watchkeeper-rollback').rules));
      const binding = namespaced.find(
        (o) => o.kind === 'RoleBinding' && o.metadata.namespace === role.metadata.namespace,
      );
      expect(binding?.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: role.metadata.name,
      });
      expect(binding?.subjects).toEqual(
        main.filter((o) => o.kind === 'ClusterRoleBinding')[0]?.subjects,
      );
    }
  });
});
