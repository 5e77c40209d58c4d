-- Issue 18 "At the kiosk": the kiosk that issued a ticket (its id as the kiosk page names it, '' when
-- issued elsewhere), so the ticket prints on that kiosk's own printer (docs/devices.md).
ALTER TABLE ticket ADD COLUMN kiosk_id VARCHAR(63) DEFAULT '' NOT NULL;
