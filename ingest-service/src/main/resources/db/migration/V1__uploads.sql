CREATE TABLE upload (
    id               UUID        PRIMARY KEY,
    organization     TEXT        NOT NULL,
    dataset          TEXT        NOT NULL,
    schema_name      TEXT        NOT NULL,
    filename         TEXT        NOT NULL,
    source           TEXT        NOT NULL,
    raw_bucket       TEXT        NOT NULL,
    raw_key          TEXT        NOT NULL,
    sha256           TEXT        NOT NULL,
    size_bytes       BIGINT      NOT NULL,
    status           TEXT        NOT NULL,
    -- Events from different topics may arrive out of order: a status only moves forward.
    status_rank      INT         NOT NULL,
    verdict          TEXT,
    validity_percent DOUBLE PRECISION,
    summary          TEXT,
    version          INT,
    public_url       TEXT,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX upload_by_dataset ON upload (organization, dataset, received_at DESC);

CREATE TABLE upload_stage (
    upload_id   UUID        NOT NULL REFERENCES upload (id),
    stage       TEXT        NOT NULL,
    outcome     TEXT        NOT NULL,
    detail      TEXT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX upload_stage_by_upload ON upload_stage (upload_id, at);
