-- Bookings (issue 18): an appointment of a person, booked with a mobile number (kept to match the
-- code on cancel/reschedule and to send the reminders; shown masked) and optionally an ID number
-- (only its masked form is kept). Anonymous appointments of V30 keep phone = ''.

ALTER TABLE appointment ADD COLUMN phone VARCHAR(20) DEFAULT '' NOT NULL;
ALTER TABLE appointment ADD COLUMN id_masked VARCHAR(32) DEFAULT '' NOT NULL;
ALTER TABLE appointment ADD COLUMN lang VARCHAR(8) DEFAULT 'zh' NOT NULL;
ALTER TABLE appointment ADD COLUMN cancelled_at TIMESTAMP;
ALTER TABLE appointment ADD COLUMN late_check_in BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX appointment_by_phone ON appointment (phone, hall_day);
CREATE INDEX appointment_by_day ON appointment (hall_day, slot_start);

-- One row per phone number that booked: a booking transaction updates it first, so two bookings of
-- the same number (on any node) run one after the other and the open-bookings limit holds.
CREATE TABLE booking_person (
    phone           VARCHAR(20)  NOT NULL PRIMARY KEY,
    last_booked_at  TIMESTAMP    NOT NULL
);
