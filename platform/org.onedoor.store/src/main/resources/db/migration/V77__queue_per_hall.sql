-- Many halls in one cluster: the queue's numbering and keys live per hall. Every row of before
-- belongs to the default hall, the Zhumadian Citizen Center ('zhumadian'); the columns keep that
-- default, so a statement that names no hall still means it. Zone event counters (queue_seq) stay
-- keyed by scope: 'zone:<id>' in the default hall, 'hall:<hall>:zone:<id>' in another.

-- Ticket numbers: gap-free per (hall, zone, day).
CREATE TABLE ticket_counter_v77 (
    hall_id     VARCHAR(24) DEFAULT 'zhumadian' NOT NULL,
    zone_id     VARCHAR(64) NOT NULL,
    hall_day    DATE        NOT NULL,
    last_number INTEGER     NOT NULL,
    PRIMARY KEY (hall_id, zone_id, hall_day)
);
INSERT INTO ticket_counter_v77 (hall_id, zone_id, hall_day, last_number)
    SELECT 'zhumadian', zone_id, hall_day, last_number FROM ticket_counter;
DROP TABLE ticket_counter;
ALTER TABLE ticket_counter_v77 RENAME TO ticket_counter;

-- Tickets: a number is given once per (hall, zone, day); calls read the hall's queue in index order.
ALTER TABLE ticket ADD COLUMN hall_id VARCHAR(24) DEFAULT 'zhumadian' NOT NULL;
ALTER TABLE ticket DROP CONSTRAINT ticket_number_once;
ALTER TABLE ticket ADD CONSTRAINT ticket_number_once UNIQUE (hall_id, issued_zone_id, hall_day, seq);
DROP INDEX ticket_next_in_zone;
DROP INDEX ticket_next_sent;
DROP INDEX ticket_at_window;
CREATE INDEX ticket_next_in_zone ON ticket (hall_day, status, hall_id, zone_id, for_window, priority_class, queue_pos);
CREATE INDEX ticket_next_sent ON ticket (hall_day, status, hall_id, for_window, priority_class, queue_pos);
CREATE INDEX ticket_at_window ON ticket (window_no, status, hall_id);

-- Windows are numbered per hall.
CREATE TABLE window_session_v77 (
    hall_id       VARCHAR(24)  DEFAULT 'zhumadian' NOT NULL,
    window_no     INTEGER      NOT NULL,
    zone_id       VARCHAR(64)  NOT NULL,
    clerk         VARCHAR(128) NOT NULL,
    signed_in_at  TIMESTAMP    NOT NULL,
    paused        BOOLEAN      NOT NULL,
    PRIMARY KEY (hall_id, window_no)
);
INSERT INTO window_session_v77 (hall_id, window_no, zone_id, clerk, signed_in_at, paused)
    SELECT 'zhumadian', window_no, zone_id, clerk, signed_in_at, paused FROM window_session;
DROP TABLE window_session;
ALTER TABLE window_session_v77 RENAME TO window_session;

-- Events say their hall, so a hall's stream and snapshot take only its own.
ALTER TABLE queue_event ADD COLUMN hall_id VARCHAR(24) DEFAULT 'zhumadian' NOT NULL;
