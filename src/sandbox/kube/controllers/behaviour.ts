// How a scenario wants pods to behave, and the log lines they print: set per workload template,
// per image, or left at the default (Running).

export type PodBehaviour =
  | { kind: 'Running'; container?: string }
  | { kind: 'NotReady'; container?: string }
  | { kind: 'CrashLoopBackOff'; exitCode?: number; runSeconds?: number; container?: string }
  | { kind: 'OOMKilled'; runSeconds?: number; container?: string }
  | { kind: 'ImagePullBackOff'; container?: string }
  | { kind: 'ErrImagePull'; container?: string }
  | { kind: 'ContainerCreating'; container?: string }
  | { kind: 'Pending'; message?: string };

export type BehaviourInput = PodBehaviour | PodBehaviour['kind'];

export const RUNNING: PodBehaviour = { kind: 'Running' };

export function toBehaviour(input: BehaviourInput): PodBehaviour {
  return typeof input === 'string' ? ({ kind: input } as PodBehaviour) : input;
}

export interface LogLines {
  current: Map<string, string[]>;
  previous: Map<string, string[]>;
}

/** Identifies one workload: `Deployment/shop/web`. */
export function workloadKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

const ANY_CONTAINER = '*';

export class ScenarioState {
  private readonly byTemplate = new Map<string, PodBehaviour>();
  private readonly byImage = new Map<string, PodBehaviour>();
  private readonly logs = new Map<string, LogLines>();

  setTemplateBehaviour(workload: string, templateHash: string, behaviour: PodBehaviour): void {
    this.byTemplate.set(`${workload}@${templateHash}`, behaviour);
  }

  setImageBehaviour(image: string, behaviour: PodBehaviour): void {
    this.byImage.set(image, behaviour);
  }

  /** The behaviour for pods of this workload template: set for the template, else for an image, else Running. */
  behaviourFor(
    workload: string | undefined,
    templateHash: string | undefined,
    images: string[],
  ): PodBehaviour {
    const forTemplate =
      workload && templateHash ? this.byTemplate.get(`${workload}@${templateHash}`) : undefined;
    if (forTemplate) return forTemplate;
    for (const image of images) {
      const forImage = this.byImage.get(image);
      if (forImage) return forImage;
    }
    return RUNNING;
  }

  setLogs(workload: string, which: keyof LogLines, lines: string[], container?: string): void {
    let entry = this.logs.get(workload);
    if (!entry) {
      entry = { current: new Map(), previous: new Map() };
      this.logs.set(workload, entry);
    }
    entry[which].set(container ?? ANY_CONTAINER, lines);
  }

  logLines(workload: string | undefined, which: keyof LogLines, container: string): string[] {
    const entry = workload ? this.logs.get(workload) : undefined;
    return entry?.[which].get(container) ?? entry?.[which].get(ANY_CONTAINER) ?? [];
  }
}
