-- Rollout notices: one Slack message per (cluster, namespace, deployment, revision), updated in place,
-- and per-workload silences. Every instant is written by the app from its own clock, never now().
-- Up Migration

-- Claimed by a unique insert before the message is posted, so replicas post each notice once.
CREATE TABLE rollout_notices (
  id bigserial PRIMARY KEY,
  cluster text NOT NULL,
  namespace text NOT NULL,
  workload text NOT NULL,
  revision integer NOT NULL,
  channel text NOT NULL,
  state text NOT NULL CHECK (state IN ('progressing', 'complete', 'failing', 'superseded')),
  -- The neutral view model last rendered (what the Silence button re-renders from).
  view jsonb NOT NULL,
  -- A digest of the message last sent; a changed rendering is sent by whoever swaps it first.
  digest text NOT NULL,
  -- The Roll back card offered on the message, if one could be made.
  card_id text,
  -- Claims taken so far; also the fencing token of the current claim.
  attempts integer NOT NULL DEFAULT 1,
  claimed_at timestamptz NOT NULL,
  -- The posted message; null while claimed but not posted yet.
  ts text,
  posted_at timestamptz,
  updated_at timestamptz,
  -- The failure details thread: claimed once, then its reply's ts.
  thread_claimed_at timestamptz,
  thread_ts text,
  -- The claim; also how a workload's newest notices are found.
  CONSTRAINT rollout_notices_key UNIQUE (cluster, namespace, workload, revision)
);

-- What each tick reads: notices still following their rollout, and claims not posted yet.
CREATE INDEX rollout_notices_live_idx ON rollout_notices (id)
  WHERE state IN ('progressing', 'failing') OR ts IS NULL;

-- While a silence lasts, its workload gets no new notice and no failure thread.
CREATE TABLE notice_silences (
  cluster text NOT NULL,
  namespace text NOT NULL,
  workload text NOT NULL,
  until timestamptz NOT NULL,
  silenced_by text NOT NULL,
  silenced_at timestamptz NOT NULL,
  PRIMARY KEY (cluster, namespace, workload)
);
