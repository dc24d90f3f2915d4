// Reads /k8s arguments: options (--cluster, --tail, switches), namespaces, names, `ns/name` and kinds.
// Every refusal names the bad part (escaped, shortened) and ends with the subcommand's usage line.
import { z } from 'zod';
import { echo, quoted } from '../../src/cluster-queries/echo.js';
import { DESCRIBE_KINDS } from '../../src/cluster-queries/describe.js';
import { parseSelector, looksLikeSelector } from '../../src/cluster-queries/labels.js';
import { MAX_TAIL } from '../../src/cluster-queries/logs.js';
import type { DescribeKind } from '../../src/cluster-queries/models.js';
import { UserFacingError } from '../../src/errors.js';

export const USAGE = {
  status: '/k8s status [cluster]',
  pods: '/k8s pods [namespace] [name or label selector] [--problems] [--cluster <name>]',
  deploys: '/k8s deploys [namespace] [--cluster <name>]',
  nodes: '/k8s nodes [--cluster <name>]',
  events: '/k8s events [namespace] [--warnings] [--cluster <name>]',
  describe:
    '/k8s describe <pod|deployment|statefulset|daemonset|node> <namespace>/<name> [--cluster <name>]',
  logs: `/k8s logs <namespace>/<pod> [container] [--tail N (at most ${MAX_TAIL})] [--previous] [--cluster <name>]`,
  history: '/k8s history <namespace>/<deployment> [--cluster <name>]',
  clusters: '/k8s clusters',
  help: '/k8s help',
} as const;

export type Subcommand = keyof typeof USAGE;
export type Switch = 'problems' | 'warnings' | 'previous';

export interface Args {
  positionals: string[];
  cluster?: string;
  tail?: number;
  switches: Set<Switch>;
}

export interface ArgSpec {
  /** At most this many words besides options. */
  maxPositionals: number;
  switches?: readonly Switch[];
  cluster?: boolean;
  tail?: boolean;
}

export function usageError(subcommand: Subcommand, problem: string): UserFacingError {
  return new UserFacingError(`${problem} Usage: \`${USAGE[subcommand]}\``);
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function parseArgs(subcommand: Subcommand, words: readonly string[], spec: ArgSpec): Args {
  const args: Args = { positionals: [], switches: new Set() };
  const fail = (problem: string) => usageError(subcommand, problem);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-')) {
      if (args.positionals.length >= spec.maxPositionals) {
        throw fail(`${quoted(word)} is more than \`/k8s ${subcommand}\` takes.`);
      }
      args.positionals.push(word);
      continue;
    }
    const [flag = '', inline] = word.split(/=(.*)/s, 2);
    const option = flag.toLowerCase();
    if ((option === '--cluster' && spec.cluster) || (option === '--tail' && spec.tail)) {
      const value = inline ?? words[++i];
      if (value === undefined || value === '') throw fail(`\`${option}\` needs a value.`);
      if (option === '--cluster') args.cluster = clusterName(subcommand, value);
      else args.tail = tailLines(subcommand, value);
      continue;
    }
    const name = option.replace(/^--/, '') as Switch;
    if (inline === undefined && option.startsWith('--') && spec.switches?.includes(name)) {
      args.switches.add(name);
      continue;
    }
    throw fail(`${quoted(word)} is not an option of \`/k8s ${subcommand}\`.`);
  }
  return args;
}

export function clusterName(subcommand: Subcommand, text: string): string {
  const name = text.toLowerCase();
  if (LABEL.test(name) && name.length <= 63) return name;
  throw usageError(subcommand, `${quoted(text)} is not a cluster name.`);
}

const tailSchema = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

function tailLines(subcommand: Subcommand, text: string): number {
  const parsed = tailSchema.safeParse(text);
  if (!parsed.success || parsed.data < 1) {
    throw usageError(
      subcommand,
      `\`--tail ${echo(text)}\` is not a number of lines (1 to ${MAX_TAIL}).`,
    );
  }
  if (parsed.data > MAX_TAIL) {
    throw usageError(
      subcommand,
      `\`--tail ${parsed.data}\` is more than I show: at most ${MAX_TAIL} lines fit in a Slack message.`,
    );
  }
  return parsed.data;
}

export function namespaceArg(subcommand: Subcommand, text: string): string {
  const namespace = text.toLowerCase();
  if (namespace.length > 63) {
    throw usageError(
      subcommand,
      `${quoted(text)} is ${text.length} characters long; namespaces have at most 63.`,
    );
  }
  if (LABEL.test(namespace)) return namespace;
  throw usageError(
    subcommand,
    `${quoted(text)} is not a namespace (lowercase letters, digits and '-').`,
  );
}

/** A name or the start of one, as typed (`web`, `web-7d9f`): matched forgivingly later. */
export function nameArg(subcommand: Subcommand, text: string, what = 'name'): string {
  const name = text.toLowerCase();
  if (name.length > 253) {
    throw usageError(
      subcommand,
      `${quoted(text)} is ${text.length} characters long; Kubernetes names have at most 253.`,
    );
  }
  if (SUBDOMAIN.test(name)) return name;
  throw usageError(
    subcommand,
    `${quoted(text)} is not a ${what} (lowercase letters, digits, '-' and '.').`,
  );
}

/** `namespace/name`, both parts checked. */
export function namespacedName(subcommand: Subcommand, text: string | undefined, what: string) {
  if (text === undefined)
    throw usageError(subcommand, `Which ${what}? Give it as \`<namespace>/<${what}>\`.`);
  const parts = text.split('/');
  if (parts.length === 1) nameArg(subcommand, text, `${what} name`);
  if (parts.length !== 2) {
    throw usageError(
      subcommand,
      parts.length === 1
        ? `${quoted(text)} needs its namespace: write \`<namespace>/<${what}>\`, e.g. \`shop/${echo(text, 20)}\`.`
        : `${quoted(text)} has more than one '/': write \`<namespace>/<${what}>\`.`,
    );
  }
  const [namespace = '', name = ''] = parts;
  if (namespace === '')
    throw usageError(subcommand, `${quoted(text)} is missing the namespace before the '/'.`);
  if (name === '')
    throw usageError(subcommand, `${quoted(text)} is missing the ${what} name after the '/'.`);
  return {
    namespace: namespaceArg(subcommand, namespace),
    name: nameArg(subcommand, name, `${what} name`),
  };
}

const KIND_ALIASES: Record<string, DescribeKind> = {
  po: 'pod',
  pods: 'pod',
  deploy: 'deployment',
  deploys: 'deployment',
  deployments: 'deployment',
  sts: 'statefulset',
  statefulsets: 'statefulset',
  ds: 'daemonset',
  daemonsets: 'daemonset',
  no: 'node',
  nodes: 'node',
};

export function kindArg(text: string | undefined): DescribeKind {
  const word = (text ?? '').toLowerCase();
  const kind = (DESCRIBE_KINDS as readonly string[]).includes(word)
    ? (word as DescribeKind)
    : KIND_ALIASES[word];
  if (kind) return kind;
  const asked =
    text === undefined ? 'Which kind?' : `${quoted(text)} is not a kind I can describe.`;
  throw usageError('describe', `${asked} Kinds: ${DESCRIBE_KINDS.join(', ')}.`);
}

/** A label selector (checked here) or a name to match. */
export function filterArg(subcommand: Subcommand, text: string): string {
  if (!looksLikeSelector(text)) return nameArg(subcommand, text);
  try {
    parseSelector(text);
  } catch (error) {
    if (error instanceof UserFacingError) throw usageError(subcommand, error.message);
    throw error;
  }
  return text;
}
