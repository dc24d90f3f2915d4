// Kubernetes failures sorted and said once: status codes, network errors and timeouts become plain
// sentences without the API's body; plus backoff, trimming and the log pre-checks at the same edge.
import { ApiException, type V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/cluster/backoff.js';
import {
  classifyError,
  formatDuration,
  problemSentence,
  RequestTimeoutError,
  translateError,
} from '../../src/cluster/errors.js';
import { logRequestProblem } from '../../src/cluster/logs.js';
import { trimObject } from '../../src/cluster/trim.js';
import { UserFacingError } from '../../src/errors.js';

const apiError = (code: number) =>
  new ApiException(
    code,
    `HTTP-Code: ${code}\nBody: {"message":"secret internals"}`,
    '{"message":"secret internals"}',
    {},
  );
const systemError = (code: string, name = 'FetchError') =>
  Object.assign(new Error(`request failed, reason: ${code}`), { code, name });
const watchError = (statusCode: number) => Object.assign(new Error('Forbidden'), { statusCode });

const pods = { cluster: 'prod-eu', verb: 'list', resource: 'pods', namespace: 'payments' };
const onePod = {
  cluster: 'prod-eu',
  verb: 'get',
  resource: 'pods',
  kind: 'pod',
  namespace: 'shop',
  name: 'web-123',
};

describe('classifyError and problemSentence', () => {
  it.each([
    [
      apiError(401),
      pods,
      "the bot's credentials for prod-eu were refused; check the user of its kubeconfig context",
    ],
    [
      apiError(403),
      pods,
      "the bot's service account may not list pods in payments on prod-eu — see manifest/kubernetes RBAC",
    ],
    [
      watchError(403),
      { cluster: 'prod-eu', verb: 'watch', resource: 'events' },
      "the bot's service account may not watch events on prod-eu — see manifest/kubernetes RBAC",
    ],
    [apiError(404), onePod, 'no pod web-123 in shop'],
    [
      apiError(404),
      { cluster: 'prod-eu', verb: 'get', resource: 'nodes', kind: 'node', name: 'n9' },
      'no node n9 on prod-eu',
    ],
    [
      apiError(429),
      pods,
      "cluster prod-eu is throttling the bot's requests; try again in a minute",
    ],
    [
      apiError(503),
      pods,
      'cluster prod-eu answered with a server error (HTTP 503); try again in a minute',
    ],
    [systemError('ECONNREFUSED'), pods, 'cluster prod-eu could not be reached (ECONNREFUSED)'],
    [
      systemError('ERR_STREAM_PREMATURE_CLOSE', 'Error'),
      pods,
      'cluster prod-eu could not be reached (ERR_STREAM_PREMATURE_CLOSE)',
    ],
    [
      systemError('CERT_HAS_EXPIRED'),
      pods,
      'the certificate of cluster prod-eu was not trusted (CERT_HAS_EXPIRED); check certificate-authority in the kubeconfig',
    ],
    [
      new Error('HTTP protocol is not allowed when skipTLSVerify is not set'),
      pods,
      'the kubeconfig points prod-eu at a plain http:// server; use https or set insecure-skip-tls-verify: true',
    ],
    ['a string', pods, "the request to prod-eu failed unexpectedly; the bot's log has the details"],
  ])('%s', (error, target, sentence) => {
    const said = problemSentence(classifyError(error), target);
    expect(said).toBe(sentence);
    expect(said).not.toContain('secret internals');
  });

  it('says how long a silent cluster has been silent and when it was last seen', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const silence = { waitedMs: 10_000, lastSeenAt: new Date('2026-03-02T11:57:00Z'), now };
    for (const error of [
      new RequestTimeoutError(10_000),
      systemError('ETIMEDOUT'),
      systemError('x', 'AbortError'),
    ]) {
      expect(classifyError(error).kind).toBe('timeout');
      expect(problemSentence(classifyError(error), pods, silence)).toBe(
        'cluster prod-eu did not answer for 10 s; last seen 3 min ago',
      );
    }
    expect(problemSentence({ kind: 'timeout' }, pods)).toBe(
      'cluster prod-eu did not answer in time',
    );
    expect(problemSentence({ kind: 'unreachable' }, pods, { ...silence, lastSeenAt: null })).toBe(
      'cluster prod-eu did not answer for 10 s; not reached since the bot started',
    );
  });

  it('translates once, keeping the original as the cause', () => {
    const original = apiError(404);
    const translated = translateError(original, onePod);
    expect(translated).toBeInstanceOf(UserFacingError);
    expect(translated.cause).toBe(original);
    expect(translateError(translated, pods)).toBe(translated);
  });

  it.each([
    [0, '0 s'],
    [10_000, '10 s'],
    [59_400, '59 s'],
    [180_000, '3 min'],
    [2 * 3_600_000, '2 h'],
    [3 * 86_400_000, '3 d'],
  ])('formats %i ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('backoffDelay', () => {
  it('doubles from 1 s to a 30 s ceiling, jittered within the upper half', () => {
    const low = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, undefined, () => 0));
    const high = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, undefined, () => 1));
    expect(low).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(high).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(backoffDelay(1_000)).toBeLessThanOrEqual(30_000);
  });
});

describe('trimObject', () => {
  it('drops managedFields and the last-applied annotation, keeping every other annotation', () => {
    const trimmed = trimObject({
      metadata: {
        name: 'web',
        managedFields: [{ manager: 'kubectl' }],
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'shop' },
      },
    });
    expect(trimmed).toEqual({ metadata: { name: 'web', annotations: { team: 'shop' } } });
    expect(
      trimObject({
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      }),
    ).toEqual({ metadata: {} });
  });
});

describe('logRequestProblem', () => {
  const pod = (fields: {
    containers?: string[];
    nodeName?: string;
    waiting?: string;
    restarted?: boolean;
  }): V1Pod => ({
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: {
      ...(fields.nodeName !== undefined ? { nodeName: fields.nodeName } : { nodeName: 'node-1' }),
      containers: (fields.containers ?? ['web']).map((name) => ({ name })),
    },
    status: {
      containerStatuses: [
        {
          name: 'web',
          image: 'web:1',
          imageID: '',
          ready: false,
          restartCount: fields.restarted ? 1 : 0,
          state: fields.waiting ? { waiting: { reason: fields.waiting } } : { running: {} },
          ...(fields.restarted ? { lastState: { terminated: { exitCode: 1 } } } : {}),
        },
      ],
    },
  });
  it.each([
    ['a running container', pod({}), { tailLines: 10 }, undefined],
    [
      'previous logs after a restart',
      pod({ restarted: true }),
      { tailLines: 10, previous: true },
      undefined,
    ],
    [
      'several containers, none named',
      pod({ containers: ['web', 'proxy'] }),
      { tailLines: 10 },
      'pod web-1 in shop has several containers (web, proxy); name one',
    ],
    [
      'an unknown container',
      pod({}),
      { tailLines: 10, container: 'db' },
      'pod web-1 in shop has no container db; it has web',
    ],
    [
      'previous logs without a restart',
      pod({}),
      { tailLines: 10, previous: true },
      'container web of pod web-1 has not restarted, so it has no previous logs',
    ],
    [
      'an image still being pulled',
      pod({ waiting: 'ImagePullBackOff' }),
      { tailLines: 10 },
      'container web of pod web-1 has not started (ImagePullBackOff), so it has no logs yet',
    ],
    [
      'an unscheduled pod',
      pod({ nodeName: '' }),
      { tailLines: 10 },
      'pod web-1 in shop is not scheduled on a node yet, so it has no logs',
    ],
  ])('%s', (_name, input, request, expected) => {
    expect(logRequestProblem(input, request)).toBe(expected);
  });
});
