-- The decisions staff made once for a dataset (column mapping, date order, near-duplicates, personal data), sent
-- with each of its next files on upload.received and applied by quality. One row per question, by its stable id.
CREATE TABLE dataset_decision (
    organization TEXT        NOT NULL,
    dataset      TEXT        NOT NULL,
    decision_id  TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    subject      TEXT,
    choice       TEXT        NOT NULL,
    decided_by   TEXT,
    decided_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset, decision_id)
);

-- The questions quality left open for an upload (from quality.checked): the answers sent back are checked
-- against them.
CREATE TABLE upload_question (
    upload_id    UUID NOT NULL REFERENCES upload (id),
    decision_id  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    subject      TEXT,
    choices      TEXT NOT NULL,
    PRIMARY KEY (upload_id, decision_id)
);
