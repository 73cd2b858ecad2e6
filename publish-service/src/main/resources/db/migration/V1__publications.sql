CREATE TABLE publication (
    organization  TEXT        NOT NULL,
    dataset       TEXT        NOT NULL,
    version       INT         NOT NULL,
    upload_id     UUID        NOT NULL UNIQUE,
    schema_name   TEXT,
    public_bucket TEXT        NOT NULL,
    public_key    TEXT        NOT NULL,
    sha256        TEXT,
    size_bytes    BIGINT      NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset, version)
);
