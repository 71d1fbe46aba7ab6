-- Defence in depth: no code path updates or deletes an event; the database refuses it too.
-- (A forger with direct access can drop the trigger; the hash chain and the head file catch that.)
CREATE TRIGGER events_append_only BEFORE UPDATE, DELETE ON events
  FOR EACH ROW CALL 'dev.leviathan.engine.event.AppendOnlyTrigger';

INSERT INTO store_meta (id, store_id, created_at)
  VALUES (1, CAST(RANDOM_UUID() AS VARCHAR), CAST(CURRENT_TIMESTAMP AS VARCHAR));
