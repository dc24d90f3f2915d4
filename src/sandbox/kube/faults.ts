// Fault injection for tests and the sandbox: RBAC refusals, failing requests, slow answers and
// dropped watch connections. Verbs are RBAC verbs (get, list, watch, create, patch, update, delete);
// resources are plural names, `pods/log` for a subresource; '*' matches any.

export interface RequestFacts {
  verb: string;
  /** `pods`, `deployments`, or `pods/log` for a subresource. */
  resource: string;
  namespace?: string;
}

interface Rule {
  verb: string;
  resource: string;
  namespace?: string;
}

interface Failure extends Rule {
  status: number;
  remaining: number;
}

interface Delay {
  ms: number;
  verb?: string;
  resource?: string;
}

export interface FaultDecision {
  forbidden: boolean;
  failWith?: number;
  delayMs: number;
}

function matches(rule: Partial<Rule>, facts: RequestFacts): boolean {
  const verbOk = rule.verb === undefined || rule.verb === '*' || rule.verb === facts.verb;
  const resourceOk =
    rule.resource === undefined || rule.resource === '*' || rule.resource === facts.resource;
  const namespaceOk = rule.namespace === undefined || rule.namespace === facts.namespace;
  return verbOk && resourceOk && namespaceOk;
}

export class Faults {
  private forbidden: Rule[] = [];
  private failures: Failure[] = [];
  private delays: Delay[] = [];

  constructor(private readonly dropWatchConnections: () => void) {}

  /** Answers 403 Forbidden for this verb on this resource (in this namespace only, if given). */
  forbid(verb: string, resource: string, namespace?: string): void {
    this.forbidden.push({ verb, resource, ...(namespace !== undefined ? { namespace } : {}) });
  }

  /** Answers the next `count` matching requests with `status` (500 by default) and a Status body. */
  failNext(verb: string, resource: string, status = 500, count = 1): void {
    this.failures.push({ verb, resource, status, remaining: count });
  }

  /** Delays every matching answer (all of them when verb and resource are left out) by `ms`. */
  slow(ms: number, verb?: string, resource?: string): void {
    this.delays.push({
      ms,
      ...(verb !== undefined ? { verb } : {}),
      ...(resource !== undefined ? { resource } : {}),
    });
  }

  /** Closes every open watch stream abruptly; informers see a connection error. */
  dropWatches(): void {
    this.dropWatchConnections();
  }

  clear(): void {
    this.forbidden = [];
    this.failures = [];
    this.delays = [];
  }

  /** What to do with a request; consumes one use of a matching failNext rule. */
  decide(facts: RequestFacts): FaultDecision {
    const delayMs = this.delays
      .filter((d) => matches(d, facts))
      .reduce((total, d) => total + d.ms, 0);
    if (this.forbidden.some((rule) => matches(rule, facts))) return { forbidden: true, delayMs };
    const failure = this.failures.find((f) => f.remaining > 0 && matches(f, facts));
    if (failure) {
      failure.remaining -= 1;
      this.failures = this.failures.filter((f) => f.remaining > 0);
      return { forbidden: false, failWith: failure.status, delayMs };
    }
    return { forbidden: false, delayMs };
  }
}
