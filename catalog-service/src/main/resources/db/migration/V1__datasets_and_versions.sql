CREATE TABLE dataset (
    organization  TEXT        NOT NULL,
    slug          TEXT        NOT NULL,
    schema_name   TEXT        NOT NULL,
    title         TEXT        NOT NULL,
    description   TEXT,
    approved      BOOLEAN     NOT NULL DEFAULT false,
    approved_by   TEXT,
    approved_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, slug)
);

CREATE TABLE version (
    organization     TEXT        NOT NULL,
    dataset          TEXT        NOT NULL,
    number           INT         NOT NULL,
    upload_id        UUID        NOT NULL UNIQUE,
    schema_name      TEXT        NOT NULL,
    clean_bucket     TEXT        NOT NULL,
    clean_key        TEXT        NOT NULL,
    sha256           TEXT,
    size_bytes       BIGINT      NOT NULL,
    row_count        BIGINT      NOT NULL,
    validity_percent DOUBLE PRECISION NOT NULL,
    state            TEXT        NOT NULL,
    public_url       TEXT,
    failure_reason   TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at     TIMESTAMPTZ,
    PRIMARY KEY (organization, dataset, number),
    FOREIGN KEY (organization, dataset) REFERENCES dataset (organization, slug)
);
