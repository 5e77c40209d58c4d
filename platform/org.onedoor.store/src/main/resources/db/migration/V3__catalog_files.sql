-- Catalog files an operator loaded at run time (onedoor:catalog-load, POST /api/v1/catalog/files).
CREATE TABLE catalog_file (
    name        VARCHAR(128)  NOT NULL PRIMARY KEY,
    content     TEXT          NOT NULL,
    matters     INTEGER       NOT NULL,
    loaded_by   VARCHAR(128)  NOT NULL,
    loaded_at   TIMESTAMP     NOT NULL
);
