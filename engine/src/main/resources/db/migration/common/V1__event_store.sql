-- The event store: one append-only, hash-chained table of events. The same DDL serves H2 and
-- PostgreSQL; jOOQ's classes are generated from this file (engine/src/main/jooq/codegen.xml).

-- The store's identity, so a head file kept outside the database can tell a replaced store.
CREATE TABLE store_meta (
  id         INTEGER     NOT NULL,
  store_id   VARCHAR(36) NOT NULL,
  created_at VARCHAR(64) NOT NULL,
  CONSTRAINT store_meta_pk PRIMARY KEY (id)
);

-- The last appended (seq, hash). Writers lock this single row, so seq is gap-free and the chain
-- has no forks however many processes append at once.
CREATE TABLE chain_head (
  id   INTEGER  NOT NULL,
  seq  BIGINT   NOT NULL,
  hash CHAR(64),
  CONSTRAINT chain_head_pk PRIMARY KEY (id)
);

INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, NULL);

-- occurred_at is the envelope's "timestamp" exactly as written: the hash covers the text.
-- payload is the canonical JSON (RFC 8785) of the event's payload.
CREATE TABLE events (
  seq         BIGINT       NOT NULL,
  event_id    VARCHAR(200) NOT NULL,
  event_type  VARCHAR(120) NOT NULL,
  occurred_at VARCHAR(64)  NOT NULL,
  actor_id    VARCHAR(200),
  target_id   VARCHAR(200),
  payload     VARCHAR      NOT NULL,
  prev_hash   CHAR(64),
  hash        CHAR(64)     NOT NULL,
  CONSTRAINT events_pk PRIMARY KEY (seq),
  CONSTRAINT events_event_id_uk UNIQUE (event_id)
);
