-- Reference backend schema. Runs unchanged on PGlite and on PostgreSQL ≥ 13.
-- Instants are timestamptz; the API speaks epoch milliseconds.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE users (
  id       text PRIMARY KEY,
  name     text NOT NULL,
  login    text NOT NULL,
  ip       text NOT NULL,
  timezone text NOT NULL
);

CREATE TABLE computers (
  id   text PRIMARY KEY,
  name text NOT NULL,
  os   text NOT NULL,
  ip   text NOT NULL
);

-- One recorded stream: a user on a computer.
CREATE TABLE streams (
  user_id     text NOT NULL REFERENCES users (id),
  computer_id text NOT NULL REFERENCES computers (id),
  position    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, computer_id)
);

-- Login sessions: the rows of the BI grid and the session-details header.
CREATE TABLE sessions (
  id            text PRIMARY KEY,
  user_id       text NOT NULL,
  computer_id   text NOT NULL,
  started_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  protocol      text NOT NULL,
  client_ip     text NOT NULL,
  credential    text NOT NULL,
  error_message text,
  size_bytes    bigint NOT NULL DEFAULT 0,
  FOREIGN KEY (user_id, computer_id) REFERENCES streams (user_id, computer_id),
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE INDEX sessions_by_stream ON sessions (user_id, computer_id, started_at);
CREATE INDEX sessions_by_start ON sessions (started_at DESC, id DESC);

-- Recorded spans. Media: `segment_count` pool segments from `pool_offset` on.
CREATE TABLE recordings (
  id            text PRIMARY KEY,
  session_id    text NOT NULL REFERENCES sessions (id),
  user_id       text NOT NULL,
  computer_id   text NOT NULL,
  started_at    timestamptz NOT NULL,
  ended_at      timestamptz NOT NULL,
  pool_offset   integer NOT NULL CHECK (pool_offset >= 0),
  segment_count integer NOT NULL CHECK (segment_count > 0),
  FOREIGN KEY (user_id, computer_id) REFERENCES streams (user_id, computer_id),
  CHECK (ended_at > started_at)
);
CREATE INDEX recordings_by_stream ON recordings (user_id, computer_id, started_at);

CREATE TABLE events (
  id           bigint PRIMARY KEY,
  user_id      text NOT NULL,
  computer_id  text NOT NULL,
  at           timestamptz NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('notification', 'activity', 'keystroke')),
  app          text NOT NULL,
  window_title text NOT NULL,
  title        text,
  rule         text,
  severity     text CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  url          text,
  duration_ms  integer,
  typed_text   text,
  -- What free-text search looks in, lower-cased once at write time.
  search       text GENERATED ALWAYS AS (lower(
                 app || E'\n' || window_title || E'\n' || coalesce(title, '') || E'\n' ||
                 coalesce(url, '') || E'\n' || coalesce(typed_text, '') || E'\n' || coalesce(rule, '')
               )) STORED,
  FOREIGN KEY (user_id, computer_id) REFERENCES streams (user_id, computer_id),
  CHECK ((kind = 'notification') = (severity IS NOT NULL))
);
CREATE INDEX events_by_stream_time ON events (user_id, computer_id, at, id);
CREATE INDEX events_search_trgm ON events USING gin (search gin_trgm_ops);

CREATE TABLE tags (
  id          text PRIMARY KEY,
  user_id     text NOT NULL,
  computer_id text NOT NULL,
  at          timestamptz NOT NULL,
  name        text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  notes       text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 2000),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  FOREIGN KEY (user_id, computer_id) REFERENCES streams (user_id, computer_id)
);
CREATE INDEX tags_by_stream_time ON tags (user_id, computer_id, at);

CREATE TABLE audit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action      text NOT NULL,
  user_id     text NOT NULL,
  computer_id text NOT NULL,
  at          timestamptz NOT NULL,
  media_at    timestamptz,
  details     jsonb,
  received_at timestamptz NOT NULL
);
CREATE INDEX audit_events_by_stream ON audit_events (user_id, computer_id, at);
