-- The hall floor's queue: tickets, window sessions, and the numbered events screens follow.

-- Gap-free sequence counters ('hall' and 'zone:<id>'); the 'hall' row also serializes queue changes.
CREATE TABLE queue_seq (
    scope       VARCHAR(80) NOT NULL PRIMARY KEY,
    last_value  BIGINT      NOT NULL
);
INSERT INTO queue_seq (scope, last_value) VALUES ('hall', 0);

-- The last ticket number given per zone and day.
CREATE TABLE ticket_counter (
    zone_id     VARCHAR(64) NOT NULL,
    hall_day    DATE        NOT NULL,
    last_number INTEGER     NOT NULL,
    PRIMARY KEY (zone_id, hall_day)
);

CREATE TABLE ticket (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    ticket_no       VARCHAR(16)  NOT NULL,
    zone_id         VARCHAR(64)  NOT NULL,
    issued_zone_id  VARCHAR(64)  NOT NULL,
    hall_day        DATE         NOT NULL,
    seq             INTEGER      NOT NULL,
    priority        VARCHAR(16)  NOT NULL,
    priority_class  INTEGER      NOT NULL,
    green_reason    VARCHAR(32)  NOT NULL,
    appointment_id  VARCHAR(64)  NOT NULL,
    category        VARCHAR(64)  NOT NULL,
    matter_code     VARCHAR(16)  NOT NULL,
    queue_pos       BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    window_no       INTEGER      NOT NULL,
    for_window      INTEGER      NOT NULL,
    no_shows        INTEGER      NOT NULL,
    issued_at       TIMESTAMP    NOT NULL,
    called_at       TIMESTAMP,
    started_at      TIMESTAMP,
    completed_at    TIMESTAMP,
    idempotency_key VARCHAR(128),
    CONSTRAINT ticket_number_once UNIQUE (issued_zone_id, hall_day, seq),
    CONSTRAINT ticket_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ticket_queue ON ticket (hall_day, status, zone_id, priority_class, queue_pos);
CREATE INDEX ticket_by_number ON ticket (ticket_no, hall_day);

CREATE TABLE window_session (
    window_no     INTEGER      NOT NULL PRIMARY KEY,
    zone_id       VARCHAR(64)  NOT NULL,
    clerk         VARCHAR(128) NOT NULL,
    signed_in_at  TIMESTAMP    NOT NULL,
    paused        BOOLEAN      NOT NULL
);

CREATE TABLE queue_event (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    zone_seq      BIGINT       NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    zone_id       VARCHAR(64)  NOT NULL,
    ticket_number VARCHAR(16)  NOT NULL,
    ticket_id     VARCHAR(36)  NOT NULL,
    window_no     INTEGER      NOT NULL,
    happened_at   TIMESTAMP    NOT NULL
);
