// The workload a rollback is about, and how sentences name it.

export const ROLLBACK_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
export type RollbackKind = (typeof ROLLBACK_KINDS)[number];

export interface Workload {
  cluster: string;
  namespace: string;
  kind: RollbackKind;
  name: string;
}

/** "shop/web" for a Deployment, "shop/db (StatefulSet)" for the other kinds. */
export function workloadLabel(workload: Workload): string {
  const path = `${workload.namespace}/${workload.name}`;
  return workload.kind === 'Deployment' ? path : `${path} (${workload.kind})`;
}
