-- The publication request as the catalogue sent it (JSON of PublicationRequested): the portal reads the dataset's
-- description from it (keywords, frequency, coverage, contact, the schema's name and version…), so a field the
-- catalogue adds to the event reaches the portal's page without a column here. NULL for versions published before.
-- (V3_5, not V4: other changes of this schema may be numbered V4 on other branches; out-of-order is on.)
ALTER TABLE publication ADD COLUMN request JSONB;
