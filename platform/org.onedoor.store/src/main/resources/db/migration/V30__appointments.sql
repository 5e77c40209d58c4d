-- Online appointments (rule R13): booked for a zone, day and time slot; checked in at the kiosk on
-- their day, which issues an appointment ticket.

CREATE TABLE appointment (
    code            VARCHAR(16)  NOT NULL PRIMARY KEY,
    zone_id         VARCHAR(64)  NOT NULL,
    matter_code     VARCHAR(16)  NOT NULL,
    hall_day        DATE         NOT NULL,
    slot_start      VARCHAR(5)   NOT NULL,
    booked_at       TIMESTAMP    NOT NULL,
    checked_in_at   TIMESTAMP,
    ticket_id       VARCHAR(36)  NOT NULL,
    idempotency_key VARCHAR(128),
    CONSTRAINT appointment_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX appointment_by_slot ON appointment (zone_id, hall_day, slot_start);

-- How many appointments each slot holds: a conditional increment keeps a slot within its capacity
-- across nodes sharing the database.
CREATE TABLE appointment_slot (
    zone_id     VARCHAR(64)  NOT NULL,
    hall_day    DATE         NOT NULL,
    slot_start  VARCHAR(5)   NOT NULL,
    booked      INTEGER      NOT NULL,
    PRIMARY KEY (zone_id, hall_day, slot_start)
);
