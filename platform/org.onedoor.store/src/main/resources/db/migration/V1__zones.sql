-- Zones this node has seen, so a disabled zone is still known (and its data kept).
CREATE TABLE zone_known (
    zone_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    descriptor   VARCHAR(20000) NOT NULL,
    first_seen   TIMESTAMP    NOT NULL,
    last_opened  TIMESTAMP    NOT NULL,
    last_closed  TIMESTAMP
);

-- The notice an operator posts for a zone; outlives the zone's bundle.
CREATE TABLE zone_notice (
    zone_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    text         VARCHAR(2000) NOT NULL,
    updated_by   VARCHAR(128) NOT NULL,
    updated_at   TIMESTAMP    NOT NULL
);
