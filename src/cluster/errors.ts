// Kubernetes API failures translated once into UserFacingError sentences; raw API bodies never reach a user.
import { ApiException } from '@kubernetes/client-node';
import { UserFacingError } from '../errors.js';

export type ProblemKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'badRequest'
  | 'throttled'
  | 'server'
  | 'tls'
  | 'plainHttp'
  | 'unknown';

export interface ClusterProblem {
  kind: ProblemKind;
  status?: number;
  /** A system error code worth naming (ECONNREFUSED, CERT_HAS_EXPIRED…). */
  code?: string;
}

/** What was asked of which cluster, to say in the sentence. */
export interface RequestTarget {
  cluster: string;
  verb: string;
  /** Plural resource: `pods`, `pods/log`, `deployments`. */
  resource: string;
  namespace?: string;
  /** Singular kind for "no pod web-123 in shop". */
  kind?: string;
  name?: string;
}

/** How long we waited and when the cluster last answered, for "did not answer for 10 s; last seen 3 min ago". */
export interface Silence {
  waitedMs: number;
  lastSeenAt: Date | null;
  now: Date;
}

/** Thrown by our own request timeouts and watch watchdogs. */
export class RequestTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

function fromStatus(status: number): ClusterProblem {
  if (status === 401) return { kind: 'unauthorized', status };
  if (status === 403) return { kind: 'forbidden', status };
  if (status === 404) return { kind: 'notFound', status };
  if (status === 429) return { kind: 'throttled', status };
  if (status >= 500) return { kind: 'server', status };
  if (status >= 400) return { kind: 'badRequest', status };
  return { kind: 'unknown', status };
}

/** Sorts any error from @kubernetes/client-node (ApiException, watch errors, node-fetch errors) into a kind. */
export function classifyError(error: unknown): ClusterProblem {
  if (error instanceof ApiException) return fromStatus(error.code);
  if (error instanceof RequestTimeoutError) return { kind: 'timeout' };
  if (!(error instanceof Error)) return { kind: 'unknown' };
  const { statusCode, code } = error as Error & { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number') return fromStatus(statusCode);
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || code === 'ETIMEDOUT')
    return { kind: 'timeout' };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return { kind: 'unreachable', code };
  if (typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code))
    return { kind: 'tls', code };
  if (/HTTP protocol is not allowed/.test(error.message)) return { kind: 'plainHttp' };
  return { kind: 'unknown' };
}

/** "10 s", "3 min", "2 h", "3 d". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export function lastSeenPhrase(lastSeenAt: Date | null, now: Date): string {
  if (!lastSeenAt) return 'not reached since the bot started';
  const ago = now.getTime() - lastSeenAt.getTime();
  return ago < 1000 ? 'last seen just now' : `last seen ${formatDuration(ago)} ago`;
}

export function silenceSentence(cluster: string, silence: Silence): string {
  return `cluster ${cluster} did not answer for ${formatDuration(silence.waitedMs)}; ${lastSeenPhrase(silence.lastSeenAt, silence.now)}`;
}

function where(target: RequestTarget): string {
  return target.namespace ? `in ${target.namespace} on ${target.cluster}` : `on ${target.cluster}`;
}

/** The one sentence for a problem: what failed and what to do. */
export function problemSentence(
  problem: ClusterProblem,
  target: RequestTarget,
  silence?: Silence,
): string {
  const { cluster } = target;
  switch (problem.kind) {
    case 'unreachable':
      return silence
        ? silenceSentence(cluster, silence)
        : `cluster ${cluster} could not be reached${problem.code ? ` (${problem.code})` : ''}`;
    case 'timeout':
      return silence
        ? silenceSentence(cluster, silence)
        : `cluster ${cluster} did not answer in time`;
    case 'unauthorized':
      return `the bot's credentials for ${cluster} were refused; check the user of its kubeconfig context`;
    case 'forbidden':
      return `the bot's service account may not ${target.verb} ${target.resource} ${where(target)} — see manifest/kubernetes RBAC`;
    case 'notFound':
      return target.name
        ? `no ${target.kind ?? target.resource} ${target.name} ${target.namespace ? `in ${target.namespace}` : `on ${cluster}`}`
        : `${cluster} does not serve ${target.resource}`;
    case 'badRequest':
      return `${cluster} refused to ${target.verb} ${target.resource}${target.name ? ` ${target.name}` : ''} ${where(target)}`;
    case 'throttled':
      return `cluster ${cluster} is throttling the bot's requests; try again in a minute`;
    case 'server':
      return `cluster ${cluster} answered with a server error (HTTP ${problem.status ?? 500}); try again in a minute`;
    case 'tls':
      return `the certificate of cluster ${cluster} was not trusted (${problem.code ?? 'TLS error'}); check certificate-authority in the kubeconfig`;
    case 'plainHttp':
      return `the kubeconfig points ${cluster} at a plain http:// server; use https or set insecure-skip-tls-verify: true`;
    case 'unknown':
      return `the request to ${cluster} failed unexpectedly; the bot's log has the details`;
  }
}

/** Translates a failed API call once, at the edge, into the sentence a user sees; the original stays as `cause`. */
export function translateError(
  error: unknown,
  target: RequestTarget,
  silence?: Silence,
): UserFacingError {
  if (error instanceof UserFacingError) return error;
  return new UserFacingError(problemSentence(classifyError(error), target, silence), {
    cause: error,
  });
}
