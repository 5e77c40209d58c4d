-- A command derived from a hall event (a ticket's print, a call shown on a display) carries a
-- key naming that event; the unique index makes a second submission of the same key for the same
-- device a no-op, whichever node of the hall tries it. Commands without a key keep NULL.
ALTER TABLE device_outbox ADD COLUMN command_key VARCHAR(128);
CREATE UNIQUE INDEX device_outbox_key ON device_outbox (device_id, command_key);
