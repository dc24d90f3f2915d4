-- Rollback requests (pending → approved → executing → succeeded/failed, or rejected/expired) and their audit trail.
-- Every instant is written by the app from its own clock (tests travel in time), so no column defaults to now().
-- Up Migration

CREATE TABLE rollback_requests (
  id bigserial PRIMARY KEY,
  cluster text NOT NULL,
  namespace text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('Deployment', 'StatefulSet', 'DaemonSet')),
  name text NOT NULL,
  -- The revision running when the card was shown, and the one to go back to.
  from_revision bigint NOT NULL CHECK (from_revision > 0),
  to_revision bigint NOT NULL CHECK (to_revision > 0),
  -- What the card showed (the engine's CardSnapshot); a workload that changed since makes the button stale.
  resource_version text,
  generation bigint,
  template_hash text,
  requested_by text NOT NULL,
  requested_at timestamptz NOT NULL,
  -- Break-glass: the on-call rolled back alone outside coverage hours, saying why.
  break_glass boolean NOT NULL DEFAULT false,
  reason text,
  state text NOT NULL CHECK (
    state IN ('pending', 'approved', 'executing', 'succeeded', 'failed', 'rejected', 'expired')
  ),
  decided_by text,
  decided_at timestamptz,
  expires_at timestamptz NOT NULL,
  started_at timestamptz,
  -- When it stopped being open (succeeded, failed, rejected or expired).
  finished_at timestamptz,
  result text,
  channel text,
  message_ts text,
  CHECK (from_revision <> to_revision),
  CHECK (expires_at > requested_at),
  CHECK (NOT break_glass OR reason IS NOT NULL),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL))
);

-- At most one open request per workload: a second click finds the first instead of racing it.
CREATE UNIQUE INDEX rollback_requests_open_key ON rollback_requests (cluster, namespace, kind, name)
  WHERE state IN ('pending', 'approved', 'executing');

CREATE INDEX rollback_requests_pending_idx ON rollback_requests (expires_at) WHERE state = 'pending';
CREATE INDEX rollback_requests_requested_idx ON rollback_requests (requested_at);

CREATE TABLE rollback_audit (
  id bigserial PRIMARY KEY,
  -- NULL for a refusal that never became a request.
  request_id bigint REFERENCES rollback_requests (id),
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL CHECK (
    action IN (
      'requested', 'approved', 'rejected', 'expired', 'break-glass',
      'executing', 'patched', 'succeeded', 'failed', 'refused'
    )
  ),
  -- The workload, kept on every entry so a refusal without a request is found by the same filters.
  cluster text NOT NULL,
  namespace text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX rollback_audit_at_idx ON rollback_audit (at);
CREATE INDEX rollback_audit_workload_idx ON rollback_audit (namespace, name, at);
CREATE INDEX rollback_audit_request_idx ON rollback_audit (request_id);
