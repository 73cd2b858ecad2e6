-- Dead letters that concern an upload (read from the pipeline's <topic>.dlq): while one is not replayed,
-- the upload shows FAILED with its French reason, whatever its progress; a replay lifts it, and the
-- upload's own status (which only moves forward) takes over again.
CREATE TABLE upload_dead_letter (
    dead_letter_id  TEXT        NOT NULL,
    -- With the id, names the dead letter for ever (offsets restart when a topic is created again).
    dlq_timestamp   BIGINT      NOT NULL,
    upload_id       UUID        NOT NULL REFERENCES upload (id),
    original_topic  TEXT        NOT NULL,
    cause_code      TEXT        NOT NULL,
    reason          TEXT        NOT NULL,
    dead_at         TIMESTAMPTZ NOT NULL,
    replayed_at     TIMESTAMPTZ,
    PRIMARY KEY (dead_letter_id, dlq_timestamp)
);

CREATE INDEX upload_dead_letter_open ON upload_dead_letter (upload_id) WHERE replayed_at IS NULL;

-- A drop whose notification was dead-lettered: FAILED with the reason and the dead letter, until a replay.
ALTER TABLE drop_object ADD COLUMN dead_letter_id TEXT;
