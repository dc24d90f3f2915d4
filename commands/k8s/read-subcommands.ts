// The read-only /k8s subcommands: each parses its arguments, asks ClusterQueries one question, renders.
import type { ClusterQueries, Asked } from '../../src/cluster-queries/index.js';
import { looksLikeSelector } from '../../src/cluster-queries/labels.js';
import { DEFAULT_TAIL } from '../../src/cluster-queries/logs.js';
import type { CommandRequest } from '../../src/slack/message.js';
import { renderClusters, renderK8sHelp } from '../../src/slack/views/k8s-clusters-view.js';
import {
  renderDescription,
  renderHistory,
  renderLogs,
} from '../../src/slack/views/k8s-detail-views.js';
import {
  renderEvents,
  renderNodes,
  renderPods,
  renderWorkloads,
} from '../../src/slack/views/k8s-list-views.js';
import { renderStatus } from '../../src/slack/views/k8s-status-view.js';
import type { K8sSubcommand } from '../k8s.js';
import {
  clusterName,
  filterArg,
  kindArg,
  nameArg,
  namespaceArg,
  namespacedName,
  parseArgs,
  usageError,
  type Args,
} from './args.js';

function asked(request: CommandRequest, args: Args): Asked {
  return { channelId: request.channelId, userId: request.userId, cluster: args.cluster };
}

export function k8sSubcommands(queries: ClusterQueries): Record<string, K8sSubcommand> {
  const status: K8sSubcommand = async (request, words) => {
    const args = parseArgs('status', words, { maxPositionals: 1, cluster: true });
    const [named] = args.positionals;
    if (named !== undefined && args.cluster !== undefined) {
      throw usageError('status', 'Name the cluster once: `/k8s status prod-eu`.');
    }
    const cluster = named !== undefined ? clusterName('status', named) : args.cluster;
    return renderStatus(queries.status({ ...asked(request, args), cluster }));
  };
  return {
    '': status,
    status,
    pods: async (request, words) => {
      const args = parseArgs('pods', words, {
        maxPositionals: 2,
        cluster: true,
        switches: ['problems'],
      });
      const [first, second] = args.positionals;
      const selectorOnly = first !== undefined && second === undefined && looksLikeSelector(first);
      const namespace =
        first === undefined || selectorOnly ? undefined : namespaceArg('pods', first);
      const filterText = selectorOnly ? first : second;
      const filter = filterText === undefined ? undefined : filterArg('pods', filterText);
      return renderPods(
        queries.pods(asked(request, args), {
          namespace,
          filter,
          problemsOnly: args.switches.has('problems'),
        }),
      );
    },
    deploys: async (request, words) => {
      const args = parseArgs('deploys', words, { maxPositionals: 1, cluster: true });
      const [first] = args.positionals;
      const namespace = first === undefined ? undefined : namespaceArg('deploys', first);
      return renderWorkloads(queries.workloads(asked(request, args), namespace));
    },
    nodes: async (request, words) => {
      const args = parseArgs('nodes', words, { maxPositionals: 0, cluster: true });
      return renderNodes(queries.nodes(asked(request, args)));
    },
    events: async (request, words) => {
      const args = parseArgs('events', words, {
        maxPositionals: 1,
        cluster: true,
        switches: ['warnings'],
      });
      const [first] = args.positionals;
      const namespace = first === undefined ? undefined : namespaceArg('events', first);
      const warningsOnly = args.switches.has('warnings');
      return renderEvents(await queries.events(asked(request, args), { namespace, warningsOnly }));
    },
    describe: async (request, words) => {
      const args = parseArgs('describe', words, { maxPositionals: 2, cluster: true });
      const [kindText, target] = args.positionals;
      const kind = kindArg(kindText);
      if (kind === 'node') {
        if (target === undefined) throw usageError('describe', 'Which node?');
        const name = nameArg('describe', target, 'node name');
        return renderDescription(queries.describe(asked(request, args), { kind, name }));
      }
      const { namespace, name } = namespacedName('describe', target, kind);
      return renderDescription(queries.describe(asked(request, args), { kind, namespace, name }));
    },
    logs: async (request, words) => {
      const args = parseArgs('logs', words, {
        maxPositionals: 2,
        cluster: true,
        tail: true,
        switches: ['previous'],
      });
      const [target, containerText] = args.positionals;
      const { namespace, name } = namespacedName('logs', target, 'pod');
      const container =
        containerText === undefined ? undefined : nameArg('logs', containerText, 'container name');
      const logs = await queries.logs(asked(request, args), {
        namespace,
        pod: name,
        container,
        tail: args.tail ?? DEFAULT_TAIL,
        previous: args.switches.has('previous'),
      });
      return renderLogs(logs);
    },
    history: async (request, words) => {
      const args = parseArgs('history', words, { maxPositionals: 1, cluster: true });
      const { namespace, name } = namespacedName('history', args.positionals[0], 'deployment');
      return renderHistory(queries.history(asked(request, args), namespace, name));
    },
    clusters: async (request, words) => {
      parseArgs('clusters', words, { maxPositionals: 0 });
      const { rows, viewer } = queries.clusters({
        channelId: request.channelId,
        userId: request.userId,
      });
      return renderClusters(rows, viewer);
    },
    help: async (_request, words) => {
      parseArgs('help', words, { maxPositionals: 0 });
      return renderK8sHelp();
    },
  };
}
