-- Naming: <4-digit number>_<name>.sql (node-pg-migrate sorts by the number); forward-only, so no Down section.
-- Up Migration

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text,
  action text NOT NULL,
  subject text,
  details jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
