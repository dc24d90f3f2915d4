// Rollback cards: a planned rollback read fresh from the cluster and kept in Postgres, so the shared
// Roll back button (src/slack/views/rollback-button.ts) carries only the card's id.
import type pg from 'pg';
import { parseId } from '../oncall/store/sql.js';
import type { RollbackPolicy } from '../config/schema.js';
import {
  planRollback,
  snapshotOf,
  type CardSnapshot,
  type RollbackPlan,
  type WorkloadKind,
  type WorkloadState,
} from './engine/index.js';
import { rollbackSummary } from './service/summary.js';
import type { WorkloadReader } from './service/workload-reader.js';
import type { Workload } from './store/index.js';

export interface NewCard {
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  /** The revision to go back to; absent means the one before the newest. */
  toRevision?: number;
  channel: string;
  now: Date;
}

/** A stored card: what it showed and where. */
export interface RollbackCard {
  id: string;
  workload: Workload;
  /** The revision the card was made at, and the one it offers (null when it offered none). */
  fromRevision: number;
  toRevision: number | null;
  snapshot: CardSnapshot;
  summary: string;
  warning?: string;
  channel: string;
  messageTs?: string;
  createdAt: Date;
}

/** A fresh card and what it was planned from (the command renders the details). */
export interface PlannedCard {
  card: RollbackCard;
  plan: RollbackPlan;
  state: WorkloadState;
}

interface CardRow {
  id: string;
  cluster: string;
  namespace: string;
  kind: WorkloadKind;
  name: string;
  from_revision: string;
  to_revision: string | null;
  resource_version: string | null;
  generation: string | null;
  template_hash: string | null;
  summary: string;
  warning: string | null;
  channel: string;
  message_ts: string | null;
  created_at: Date;
}

function toCard(row: CardRow): RollbackCard {
  const snapshot: CardSnapshot = { currentRevision: Number(row.from_revision) };
  if (row.resource_version !== null) snapshot.resourceVersion = row.resource_version;
  if (row.generation !== null) snapshot.generation = Number(row.generation);
  if (row.template_hash !== null) snapshot.templateHash = row.template_hash;
  return {
    id: row.id,
    workload: { cluster: row.cluster, namespace: row.namespace, kind: row.kind, name: row.name },
    fromRevision: Number(row.from_revision),
    toRevision: row.to_revision === null ? null : Number(row.to_revision),
    snapshot,
    summary: row.summary,
    ...(row.warning !== null ? { warning: row.warning } : {}),
    channel: row.channel,
    ...(row.message_ts !== null ? { messageTs: row.message_ts } : {}),
    createdAt: row.created_at,
  };
}

export interface RollbackCardsDeps {
  pool: pg.Pool;
  reader: WorkloadReader;
  policy: RollbackPolicy;
}

export class RollbackCards {
  constructor(private readonly deps: RollbackCardsDeps) {}

  /**
   * Reads the workload fresh, plans the rollback and stores a card for it. Only a `patch` plan should
   * get a button; for the others `summary` is the engine's sentence ("shop/web is already at revision 12").
   */
  async create(input: NewCard): Promise<{ cardId: string; plan: RollbackPlan; summary: string }> {
    const { card, plan } = await this.plan(input);
    return { cardId: card.id, plan, summary: card.summary };
  }

  /** `create`, also giving the card and the state it was planned from. */
  async plan(input: NewCard): Promise<PlannedCard> {
    const workload: Workload = {
      cluster: input.cluster,
      namespace: input.namespace,
      kind: input.kind,
      name: input.name,
    };
    const state = await this.deps.reader.read(workload);
    const plan = planRollback({
      ...state,
      ...(input.toRevision !== undefined ? { toRevision: input.toRevision } : {}),
      gitopsPolicy: this.deps.policy.gitops,
    });
    const snapshot = snapshotOf(state);
    const toRevision = plan.kind === 'patch' ? plan.toRevision : (input.toRevision ?? null);
    const warning = plan.kind === 'patch' ? (plan.warning ?? null) : null;
    const { rows } = await this.deps.pool.query<CardRow>(
      `INSERT INTO rollback_cards (cluster, namespace, kind, name, from_revision, to_revision,
         resource_version, generation, template_hash, summary, warning, channel, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING *`,
      [
        workload.cluster,
        workload.namespace,
        workload.kind,
        workload.name,
        snapshot.currentRevision,
        toRevision,
        snapshot.resourceVersion ?? null,
        snapshot.generation ?? null,
        snapshot.templateHash ?? null,
        rollbackSummary(workload, state, plan),
        warning,
        input.channel,
        input.now,
      ],
    );
    return { card: toCard(rows[0] as CardRow), plan, state };
  }

  async get(cardId: string): Promise<RollbackCard | null> {
    const key = parseId(cardId);
    if (key === null) return null;
    const { rows } = await this.deps.pool.query<CardRow>(
      'SELECT * FROM rollback_cards WHERE id = $1',
      [key],
    );
    return rows[0] ? toCard(rows[0]) : null;
  }

  /** Remembers the message that shows the card (its Roll back click then turns that message into the request). */
  async attachMessage(cardId: string, ts: string): Promise<void> {
    const key = parseId(cardId);
    if (key === null) return;
    await this.deps.pool.query('UPDATE rollback_cards SET message_ts = $2 WHERE id = $1', [
      key,
      ts,
    ]);
  }
}
