// Starts a simulated cluster on a manual clock and the @kubernetes/client-node clients the app would use.
import { ApiException, AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ManualClock } from '../../src/clock.js';
import { SimulatedCluster } from '../../src/sandbox/kube/index.js';

export interface SimulatedClusterHarness {
  sim: SimulatedCluster;
  clock: ManualClock;
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
}

export async function startSimulatedCluster(
  options: { name?: string; historySize?: number; start?: string } = {},
): Promise<SimulatedClusterHarness> {
  const clock = new ManualClock(options.start ?? '2026-03-02T09:00:00Z');
  const sim = await SimulatedCluster.start({
    clock,
    ...(options.name ? { name: options.name } : {}),
    ...(options.historySize ? { historySize: options.historySize } : {}),
  });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(sim.kubeconfig());
  return {
    sim,
    clock,
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
  };
}

export interface StatusBody {
  kind: string;
  apiVersion: string;
  status: string;
  message: string;
  reason: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string };
}

/** The HTTP code and the Status body of a request the API server refused. */
export async function refusal(
  request: Promise<unknown>,
): Promise<{ code: number; status: StatusBody }> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ApiException) {
      const body = error.body as unknown;
      const status = (typeof body === 'string' ? JSON.parse(body) : body) as StatusBody;
      return { code: error.code, status };
    }
    throw error;
  }
  throw new Error('Expected the API server to refuse the request');
}
