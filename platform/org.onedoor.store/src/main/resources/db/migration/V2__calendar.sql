-- Calendar year files (official holidays and make-up working days) loaded at run time; each
-- overrides the year of the same number shipped with the node. The file is kept as it was loaded.
CREATE TABLE calendar_year (
    year_number  INTEGER      NOT NULL PRIMARY KEY,
    content      VARCHAR(65536) NOT NULL,
    loaded_by    VARCHAR(128) NOT NULL,
    loaded_at    TIMESTAMP    NOT NULL
);
