-- Scheduled posts claimed once by their natural key, and the outbox that delivers the bot's messages durably.
-- Every instant is written by the app from its own clock (tests travel in time), so no column defaults to now().
-- Up Migration

-- One row per due post, inserted (claimed) before it is rendered and sent; the primary key is the guard.
CREATE TABLE scheduled_posts (
  -- kind:team-or-rotation:ISO instant, e.g. handoff:zurich:2026-03-30T07:00:00.000Z
  key text PRIMARY KEY,
  kind text NOT NULL,
  team text NOT NULL,
  rotation text,
  -- A channel id, or a user id for a direct message.
  channel text NOT NULL,
  scheduled_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'failed')),
  -- When the current claim was taken; a claim not enqueued in time is taken over by another replica.
  claimed_at timestamptz,
  -- When the rendered message went into the outbox.
  enqueued_at timestamptz,
  sent_at timestamptz,
  -- 'missed': older than the grace when first seen; 'nothing-to-post': the renderer had nothing to say.
  skipped_reason text CHECK (skipped_reason IN ('missed', 'nothing-to-post')),
  -- Claims taken so far; also the fencing token of the current claim.
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_ts text,
  CHECK ((state = 'skipped') = (skipped_reason IS NOT NULL))
);

CREATE INDEX scheduled_posts_skipped_idx ON scheduled_posts (team, scheduled_at) WHERE state = 'skipped';

-- Messages waiting to be sent (or updated), leased by one replica at a time while being sent.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  post_key text REFERENCES scheduled_posts (key),
  channel text NOT NULL,
  -- { text, blocks, threadTs? } for a new message, plus updateTs to replace an existing one.
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
  -- Sends started so far; also the fencing token of the current lease.
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  result_ts text
);

CREATE UNIQUE INDEX outbox_post_key_key ON outbox (post_key) WHERE post_key IS NOT NULL;
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_sending_idx ON outbox (lease_until) WHERE state = 'sending';

-- Per-channel pacing across replicas: no send to a channel before next_allowed_at (~1 message/s, Retry-After).
CREATE TABLE outbox_channel_pace (
  channel text PRIMARY KEY,
  next_allowed_at timestamptz NOT NULL
);
