// Reads the arguments of /k8s rollback and /k8s audit; every refusal names the bad part and ends with the usage line.
import { echo, quoted } from '../../src/cluster-queries/echo.js';
import { UserFacingError } from '../../src/errors.js';
import type { WorkloadKind } from '../../src/rollback/engine/index.js';

export const ROLLBACK_USAGE = {
  rollback:
    '/k8s rollback <namespace>/<name> [--to N] [--kind deployment|statefulset|daemonset] [--cluster <name>]',
  audit: '/k8s audit [<namespace>[/<name>]] [--days N (at most 90)] [--cluster <name>]',
} as const;

type Usage = keyof typeof ROLLBACK_USAGE;

export const MAX_AUDIT_DAYS = 90;
export const DEFAULT_AUDIT_DAYS = 7;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const KINDS: Record<string, WorkloadKind> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
};

function usageError(usage: Usage, problem: string): UserFacingError {
  return new UserFacingError(`${problem} Usage: \`${ROLLBACK_USAGE[usage]}\``);
}

interface Options {
  positionals: string[];
  values: Map<string, string>;
}

/** Splits words into positionals and `--option value` / `--option=value` pairs of the allowed options. */
function readOptions(usage: Usage, words: readonly string[], allowed: readonly string[]): Options {
  const options: Options = { positionals: [], values: new Map() };
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-')) {
      options.positionals.push(word);
      continue;
    }
    const [flag = '', inline] = word.split(/=(.*)/s, 2);
    const option = flag.toLowerCase();
    if (!allowed.includes(option))
      throw usageError(usage, `${quoted(word)} is not an option of \`/k8s ${usage}\`.`);
    const value = inline ?? words[++i];
    if (value === undefined || value === '')
      throw usageError(usage, `\`${option}\` needs a value.`);
    options.values.set(option, value);
  }
  if (options.positionals.length > 1)
    throw usageError(
      usage,
      `${quoted(options.positionals[1] ?? '')} is more than \`/k8s ${usage}\` takes.`,
    );
  return options;
}

function cluster(usage: Usage, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const name = text.toLowerCase();
  if (LABEL.test(name) && name.length <= 63) return name;
  throw usageError(usage, `${quoted(text)} is not a cluster name.`);
}

function wholeNumber(usage: Usage, option: string, text: string, max: number): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max)
    throw usageError(usage, `\`${option} ${echo(text)}\` is not a number from 1 to ${max}.`);
  return Number(text);
}

function namespacePart(usage: Usage, text: string, whole: string): string {
  const namespace = text.toLowerCase();
  if (namespace === '')
    throw usageError(usage, `${quoted(whole)} is missing the namespace before the '/'.`);
  if (namespace.length <= 63 && LABEL.test(namespace)) return namespace;
  throw usageError(
    usage,
    `${quoted(text)} is not a namespace (lowercase letters, digits and '-').`,
  );
}

function namePart(usage: Usage, text: string, whole: string): string {
  const name = text.toLowerCase();
  if (name === '') throw usageError(usage, `${quoted(whole)} is missing the name after the '/'.`);
  if (name.length <= 253 && SUBDOMAIN.test(name)) return name;
  throw usageError(
    usage,
    `${quoted(text)} is not a name (lowercase letters, digits, '-' and '.').`,
  );
}

export interface RollbackArgs {
  namespace: string;
  name: string;
  kind: WorkloadKind;
  toRevision?: number;
  cluster?: string;
}

export function parseRollbackArgs(words: readonly string[]): RollbackArgs {
  const { positionals, values } = readOptions('rollback', words, ['--to', '--kind', '--cluster']);
  const [target] = positionals;
  if (target === undefined)
    throw usageError(
      'rollback',
      'Which workload? Give it as `<namespace>/<name>`, e.g. `shop/web`.',
    );
  const parts = target.split('/');
  if (parts.length !== 2)
    throw usageError(
      'rollback',
      parts.length === 1
        ? `${quoted(target)} needs its namespace: write \`<namespace>/<name>\`, e.g. \`shop/${echo(target, 20)}\`.`
        : `${quoted(target)} has more than one '/': write \`<namespace>/<name>\`.`,
    );
  const kindText = values.get('--kind');
  const kind = kindText === undefined ? 'Deployment' : KINDS[kindText.toLowerCase()];
  if (!kind)
    throw usageError('rollback', `${quoted(kindText ?? '')} is not a kind I can roll back.`);
  const to = values.get('--to');
  const clusterName = cluster('rollback', values.get('--cluster'));
  return {
    namespace: namespacePart('rollback', parts[0] ?? '', target),
    name: namePart('rollback', parts[1] ?? '', target),
    kind,
    ...(to !== undefined ? { toRevision: wholeNumber('rollback', '--to', to, 2 ** 31) } : {}),
    ...(clusterName !== undefined ? { cluster: clusterName } : {}),
  };
}

export interface AuditArgs {
  namespace?: string;
  name?: string;
  days: number;
  cluster?: string;
}

export function parseAuditArgs(words: readonly string[]): AuditArgs {
  const { positionals, values } = readOptions('audit', words, ['--days', '--cluster']);
  const [target] = positionals;
  const days = values.get('--days');
  const clusterName = cluster('audit', values.get('--cluster'));
  const args: AuditArgs = {
    days:
      days === undefined
        ? DEFAULT_AUDIT_DAYS
        : wholeNumber('audit', '--days', days, MAX_AUDIT_DAYS),
    ...(clusterName !== undefined ? { cluster: clusterName } : {}),
  };
  if (target === undefined) return args;
  const parts = target.split('/');
  if (parts.length > 2)
    throw usageError(
      'audit',
      `${quoted(target)} has more than one '/': write \`<namespace>/<name>\`.`,
    );
  args.namespace = namespacePart('audit', parts[0] ?? '', target);
  if (parts.length === 2) args.name = namePart('audit', parts[1] ?? '', target);
  return args;
}
