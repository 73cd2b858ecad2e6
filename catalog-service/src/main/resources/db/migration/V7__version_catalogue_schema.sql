-- The national schema a version was checked against, as schema.data.gouv.fr's catalogue names it, so that the
-- publication declares it on portals (null for an organisation's own schema: nothing to declare).
ALTER TABLE version ADD COLUMN catalogue_schema_name TEXT;
ALTER TABLE version ADD COLUMN catalogue_schema_version TEXT;
ALTER TABLE version ADD COLUMN catalogue_schema_url TEXT;
