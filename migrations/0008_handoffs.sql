-- Handoffs: the outgoing person's note, the incoming person's acknowledgement, and the one nudge.
-- Each is keyed by the handoff post's natural key (scheduled_posts.key); the primary key makes it once-only.
-- Up Migration

CREATE TABLE handoff_notes (
  post_key text PRIMARY KEY,
  author text NOT NULL,
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 2000),
  written_at timestamptz NOT NULL
);

CREATE TABLE handoff_acks (
  post_key text PRIMARY KEY,
  acked_by text NOT NULL,
  acked_at timestamptz NOT NULL
);

CREATE TABLE handoff_nudges (
  post_key text PRIMARY KEY,
  nudged_at timestamptz NOT NULL
);
