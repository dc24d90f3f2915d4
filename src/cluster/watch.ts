// The Watch behind each informer: objects arrive trimmed and typed like LIST results, watches end and
// reopen every few minutes, and a watch that hangs (connecting or silent) is cut with a timeout error.
import { Watch, type KubeConfig } from '@kubernetes/client-node';
// Not re-exported by the package index; the generated API deserializes LIST answers with this same serializer.
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { RequestTimeoutError } from './errors.js';
import { trimObject } from './trim.js';

export interface WatchTiming {
  /** Asked of the API server (plus up to 20% jitter); it ends the watch after this long and the informer resumes it. */
  watchTimeoutSeconds: number;
  /** A watch whose response has not started after this long is abandoned. */
  connectTimeoutMs: number;
}

type WatchCallback = (phase: string, apiObj: unknown, watchObj?: unknown) => void;
type DoneCallback = (err: unknown) => void;

/** Turns a watch event's plain JSON into the model class LIST returns (Dates included), trimmed. */
export function typedObject(modelType: string, object: unknown): unknown {
  if (!object || typeof object !== 'object') return object;
  return ObjectSerializer.deserialize(trimObject(object as { metadata?: never }), modelType, '');
}

export class CacheWatch extends Watch {
  constructor(
    kubeConfig: KubeConfig,
    private readonly modelType: string,
    private readonly timing: WatchTiming,
  ) {
    super(kubeConfig);
  }

  override async watch(
    path: string,
    queryParams: Record<string, unknown>,
    callback: WatchCallback,
    done: DoneCallback,
  ): Promise<AbortController> {
    const { connectTimeoutMs } = this.timing;
    const watchTimeoutSeconds = Math.round(
      this.timing.watchTimeoutSeconds * (1 + Math.random() / 5),
    );
    let settled = false;
    const live: { controller?: AbortController } = {};
    let idle: NodeJS.Timeout | undefined;
    const finish = (err: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      live.controller?.abort();
      done(err);
    };
    const idleMs = (watchTimeoutSeconds + 30) * 1000;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => finish(new RequestTimeoutError(idleMs)), idleMs);
    };
    const query = {
      ...queryParams,
      timeoutSeconds: watchTimeoutSeconds,
      allowWatchBookmarks: true,
    };
    const started = super.watch(
      path,
      query,
      (phase, object, raw) => {
        if (settled) return;
        arm();
        callback(phase, phase === 'ERROR' ? object : typedObject(this.modelType, object), raw);
      },
      finish,
    );
    let connectTimer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<undefined>((resolve) => {
      connectTimer = setTimeout(() => resolve(undefined), connectTimeoutMs);
    });
    const controller = await Promise.race([started, timedOut]);
    clearTimeout(connectTimer);
    if (!controller) {
      started.then((late) => late.abort()).catch(() => undefined);
      finish(new RequestTimeoutError(connectTimeoutMs));
      const abandoned = new AbortController();
      abandoned.abort();
      return abandoned;
    }
    live.controller = controller;
    if (settled) controller.abort();
    else arm();
    return controller;
  }
}
