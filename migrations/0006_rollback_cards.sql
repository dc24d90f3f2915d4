-- Rollback cards (what a Roll back button points at) and the run of each request (break-glass reason given
-- on a pending card, the rollout after the patch). Every instant is written by the app from its own clock.
-- Up Migration

-- A card shows one planned rollback; the button carries only its id, everything else is read from here.
CREATE TABLE rollback_cards (
  id bigserial PRIMARY KEY,
  cluster text NOT NULL,
  namespace text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('Deployment', 'StatefulSet', 'DaemonSet')),
  name text NOT NULL,
  -- The revision running when the card was made (the engine's snapshot) and the one it offers.
  from_revision bigint NOT NULL,
  to_revision bigint,
  resource_version text,
  generation bigint,
  template_hash text,
  -- "shop/web from revision 13 (web:1.4.2) to revision 12 (web:1.4.1)", and the GitOps warning if any.
  summary text NOT NULL,
  warning text,
  channel text NOT NULL,
  message_ts text,
  created_at timestamptz NOT NULL
);

CREATE INDEX rollback_cards_created_idx ON rollback_cards (created_at);

-- One row per request that came from a card: where its card is shown and how its rollout went.
CREATE TABLE rollback_runs (
  request_id bigint PRIMARY KEY REFERENCES rollback_requests (id),
  card_id bigint NOT NULL REFERENCES rollback_cards (id),
  -- Break-glass on a pending request (the request row keeps break_glass for requests made that way).
  break_glass_by text,
  break_glass_reason text,
  -- After the patch: progressing → complete or stuck; followed from the watch cache.
  rollout_state text CHECK (rollout_state IN ('progressing', 'complete', 'stuck', 'gone')),
  rollout_generation bigint,
  rollout_started_at timestamptz,
  rollout_finished_at timestamptz,
  rollout_detail text,
  -- The last time the card was rewritten for the rollout, so replicas update it at most every few seconds.
  card_updated_at timestamptz,
  CHECK ((break_glass_by IS NULL) = (break_glass_reason IS NULL))
);

CREATE INDEX rollback_runs_following_idx ON rollback_runs (rollout_started_at)
  WHERE rollout_state = 'progressing';
