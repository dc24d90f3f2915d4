-- On-call state kept beside app.yaml: overrides, swaps, roster history, cover requests, calendar tokens, user-group syncs.
-- Every instant is written by the app from its own clock (tests travel in time), so no column defaults to now().
-- Up Migration

CREATE TABLE oncall_roster_versions (
  rotation text NOT NULL,
  -- The handoff the version takes effect at; 1970-01-01 for the first version ("from the start").
  effective_from timestamptz NOT NULL,
  members text[] NOT NULL CHECK (cardinality(members) > 0),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (rotation, effective_from)
);

CREATE TABLE oncall_cover_requests (
  id bigserial PRIMARY KEY,
  rotation text NOT NULL,
  requester text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  note text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'cancelled', 'expired')),
  created_at timestamptz NOT NULL,
  taken_by text,
  cancelled_by text,
  closed_at timestamptz,
  channel text,
  message_ts text,
  reminders_sent text[] NOT NULL DEFAULT '{}',
  CHECK (ends_at > starts_at)
);

CREATE INDEX oncall_cover_requests_open_idx ON oncall_cover_requests (starts_at) WHERE status = 'open';

CREATE TABLE oncall_overrides (
  id bigserial PRIMARY KEY,
  rotation text NOT NULL,
  member text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text,
  replaces text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  cover_request_id bigint REFERENCES oncall_cover_requests (id),
  cancelled_at timestamptz,
  cancelled_by text,
  CHECK (ends_at > starts_at)
);

CREATE INDEX oncall_overrides_active_idx ON oncall_overrides (rotation, ends_at) WHERE cancelled_at IS NULL;

CREATE TABLE oncall_swaps (
  id bigserial PRIMARY KEY,
  rotation text NOT NULL,
  shift_a timestamptz NOT NULL,
  member_a text NOT NULL,
  shift_b timestamptz NOT NULL,
  member_b text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled')),
  requested_by text NOT NULL,
  created_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  cancelled_by text,
  cancelled_at timestamptz,
  CHECK (shift_a <> shift_b),
  CHECK (member_a <> member_b)
);

CREATE INDEX oncall_swaps_confirmed_idx ON oncall_swaps (rotation) WHERE status = 'confirmed';

-- One row per shift a swap trades; `held` while the swap is pending or confirmed. A swap names two
-- shifts, so a uniqueness rule over "either shift of any live swap" needs one row per shift.
CREATE TABLE oncall_swap_shifts (
  swap_id bigint NOT NULL REFERENCES oncall_swaps (id),
  rotation text NOT NULL,
  shift_start timestamptz NOT NULL,
  held boolean NOT NULL DEFAULT true,
  PRIMARY KEY (swap_id, shift_start)
);

CREATE UNIQUE INDEX oncall_swap_shifts_held_key ON oncall_swap_shifts (rotation, shift_start) WHERE held;

CREATE TABLE oncall_calendar_tokens (
  id bigserial PRIMARY KEY,
  -- SHA-256 of the secret; the secret itself is shown once and never stored.
  token_hash bytea NOT NULL UNIQUE,
  user_id text NOT NULL,
  -- NULL: every rotation the user can see.
  rotation text,
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE UNIQUE INDEX oncall_calendar_tokens_scope_key
  ON oncall_calendar_tokens (user_id, (coalesce(rotation, '')));

-- What the bot last set each Slack user group to, and the last push Slack refused (told once).
CREATE TABLE oncall_user_group_state (
  group_id text PRIMARY KEY,
  -- Sorted, without duplicates; empty until a push succeeds.
  members text[] NOT NULL DEFAULT '{}',
  synced_at timestamptz,
  refusal_error text,
  refusal_members text[],
  refused_at timestamptz
);
