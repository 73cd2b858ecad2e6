CREATE TABLE report (
    upload_id        UUID        PRIMARY KEY,
    organization     TEXT        NOT NULL,
    dataset          TEXT        NOT NULL,
    schema_name      TEXT        NOT NULL,
    verdict          TEXT        NOT NULL,
    validity_percent DOUBLE PRECISION NOT NULL,
    row_count        BIGINT      NOT NULL,
    error_count      BIGINT      NOT NULL,
    summary          TEXT        NOT NULL,
    report_bucket    TEXT        NOT NULL,
    report_key       TEXT        NOT NULL,
    clean_key        TEXT,
    checked_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
