-- Files that arrived without a person: dropped in the dropzone bucket (seen by notification or by
-- the reconciler) or pulled from a dataset's export URL. One row per object version, so that a
-- drop seen twice is handled once.
CREATE TABLE drop_object (
    id            UUID        PRIMARY KEY,
    bucket        TEXT        NOT NULL,
    object_key    TEXT        NOT NULL,
    etag          TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    detected_by   TEXT        NOT NULL,
    organization  TEXT,
    dataset       TEXT,
    outcome       TEXT        NOT NULL,
    reason        TEXT,
    upload_id     UUID,
    sha256        TEXT,
    detected_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A claim older than a few minutes belongs to a crashed instance and may be taken over.
    claimed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ,
    UNIQUE (bucket, object_key, etag)
);

CREATE INDEX drop_object_by_dataset ON drop_object (organization, dataset, detected_at DESC);

CREATE INDEX upload_by_content ON upload (organization, dataset, sha256);

CREATE TABLE pull_source (
    organization     TEXT        NOT NULL,
    dataset          TEXT        NOT NULL,
    url              TEXT        NOT NULL,
    interval_minutes INT         NOT NULL,
    last_pulled_at   TIMESTAMPTZ,
    last_outcome     TEXT,
    last_detail      TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset)
);
