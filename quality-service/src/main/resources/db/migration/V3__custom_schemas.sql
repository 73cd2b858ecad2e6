-- Table Schemas an organisation wrote for data that has no national standard. Every version is kept (a report
-- names the schema its file was checked against); the highest version applies to new files.
CREATE TABLE custom_schema (
    organization  TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    version       INTEGER     NOT NULL,
    title         TEXT        NOT NULL,
    field_count   INTEGER     NOT NULL,
    content       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, name, version)
);
