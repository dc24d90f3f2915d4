// Records core/v1 Events the way client-go's recorder does: repeats of the same event on the same
// object bump `count` and `lastTimestamp` instead of creating a new Event.
import { formatTime, type SeededRandom } from '../random.js';
import { resourceTypeForKind } from '../resources.js';
import type { Registry } from '../store/registry.js';
import type { Clock } from '../../../clock.js';
import type { KubeObject } from '../types.js';

const EVENT = resourceTypeForKind('Event');
const NAMESPACE = resourceTypeForKind('Namespace');

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: EventSource;
  fieldPath?: string;
  /** How many occurrences this record stands for (default 1), e.g. several restarts seen at once. */
  times?: number;
}

interface EventObject extends KubeObject {
  count: number;
  lastTimestamp: string;
}

export class EventRecorder {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly registry: Registry,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
  ) {}

  record(involved: KubeObject, spec: EventSpec): void {
    const isNode = involved.kind === 'Node';
    const namespace = involved.metadata.namespace ?? 'default';
    if (!this.registry.get(NAMESPACE, '', namespace)) return;
    const involvedObject = {
      kind: involved.kind,
      ...(isNode ? {} : { namespace }),
      name: involved.metadata.name,
      uid: isNode ? involved.metadata.name : involved.metadata.uid,
      ...(isNode
        ? {}
        : { apiVersion: involved.apiVersion, resourceVersion: involved.metadata.resourceVersion }),
      ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    };
    const key = [
      involvedObject.uid,
      spec.reason,
      spec.message,
      spec.source.component,
      spec.type,
    ].join('\u0000');
    const now = formatTime(this.clock.now());
    const existingName = this.names.get(key);
    const existing = existingName
      ? this.registry.get<EventObject>(EVENT, namespace, existingName)
      : undefined;
    if (existing) {
      this.registry.update(EVENT, {
        ...existing,
        count: existing.count + (spec.times ?? 1),
        lastTimestamp: now,
      });
      return;
    }
    const name = `${involved.metadata.name}.${this.random.hex(16)}`;
    this.names.set(key, name);
    this.registry.create(EVENT, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject,
      reason: spec.reason,
      message: spec.message,
      source: spec.source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: spec.times ?? 1,
      type: spec.type,
      eventTime: null,
      reportingComponent: spec.source.component,
      reportingInstance: spec.source.host ?? '',
    });
  }
}
