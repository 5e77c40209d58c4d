-- The hall's "one thing" list (R11) as an operator loaded it over the one shipped with the core (docs/cases.md):
-- one row, list_key 'hall'; none while the shipped list is served.
CREATE TABLE one_thing_list (
    list_key   VARCHAR(16)     NOT NULL PRIMARY KEY,
    content    VARCHAR(300000) NOT NULL,
    source     VARCHAR(200)    NOT NULL,
    loaded_by  VARCHAR(64)     NOT NULL,
    loaded_at  TIMESTAMP       NOT NULL
);
