-- An upload may come without a schema (none named, none remembered): quality detects it and ingest records it.
ALTER TABLE upload ALTER COLUMN schema_name DROP NOT NULL;
-- A check run again (after staff decided on personal data or columns) is a new upload of the same raw file.
ALTER TABLE upload ADD COLUMN rechecks UUID REFERENCES upload (id);
