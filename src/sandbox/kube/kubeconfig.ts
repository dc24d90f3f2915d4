// A kubeconfig for the simulated cluster. The server speaks plain http, which
// @kubernetes/client-node 1.4 only accepts with `insecure-skip-tls-verify: true`.
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  server: string;
  clusterName: string;
  contextName: string;
  userName: string;
  token: string;
  namespace?: string;
}

export function kubeconfigYaml(options: KubeconfigOptions): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: options.clusterName,
        cluster: { server: options.server, 'insecure-skip-tls-verify': true },
      },
    ],
    users: [{ name: options.userName, user: { token: options.token } }],
    contexts: [
      {
        name: options.contextName,
        context: {
          cluster: options.clusterName,
          user: options.userName,
          namespace: options.namespace ?? 'default',
        },
      },
    ],
    'current-context': options.contextName,
    preferences: {},
  });
}
