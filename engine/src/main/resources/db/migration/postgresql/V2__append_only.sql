-- Defence in depth: no code path updates or deletes an event; the database refuses it too.
-- (A forger with direct access can drop the trigger; the hash chain and the head file catch that.)
CREATE FUNCTION leviathan_events_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION leviathan_events_append_only();

CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION leviathan_events_append_only();

INSERT INTO store_meta (id, store_id, created_at)
  VALUES (1, CAST(gen_random_uuid() AS VARCHAR), CAST(now() AS VARCHAR));
