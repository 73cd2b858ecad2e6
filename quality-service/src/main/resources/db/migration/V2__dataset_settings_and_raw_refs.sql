-- What staff decided for a dataset, applied to each of its files: their own column mapping and, per column,
-- what to do with personal data. The salt keys the hashes of HASH columns, the same for every version.
CREATE TABLE dataset_settings (
    organization       TEXT        NOT NULL,
    dataset            TEXT        NOT NULL,
    column_mapping     TEXT        NOT NULL DEFAULT '{}',
    privacy_decisions  TEXT        NOT NULL DEFAULT '{}',
    hash_salt          TEXT        NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset)
);

-- The raw file a report is about: the annotated download and the full error list are made from it on demand.
ALTER TABLE report ADD COLUMN raw_bucket TEXT;
ALTER TABLE report ADD COLUMN raw_key TEXT;
