-- The team's status log: entries from /log and from replies in the daily post's thread; open items
-- stay open until closed. Replies in a daily post's thread are recognised through scheduled_posts.
-- Up Migration

CREATE TABLE log_entries (
  id bigserial PRIMARY KEY,
  team text NOT NULL,
  author text NOT NULL,
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 3000),
  created_at timestamptz NOT NULL,
  is_open boolean NOT NULL DEFAULT false,
  closed_at timestamptz,
  closed_by text,
  source text NOT NULL CHECK (source IN ('command', 'thread')),
  slack_channel text,
  slack_ts text
);

-- A Slack message becomes at most one entry, however often Slack retries the event.
CREATE UNIQUE INDEX log_entries_slack_message_idx ON log_entries (slack_channel, slack_ts)
  WHERE slack_ts IS NOT NULL;
CREATE INDEX log_entries_team_time_idx ON log_entries (team, created_at);
CREATE INDEX log_entries_open_idx ON log_entries (team) WHERE is_open AND closed_at IS NULL;

