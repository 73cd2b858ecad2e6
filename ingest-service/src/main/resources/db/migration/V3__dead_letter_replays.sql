-- Dead letters an operator replayed: hidden from the list (a replay that fails again comes back
-- as a new dead letter, at a new offset).
CREATE TABLE dead_letter_replay (
    dlq_topic   TEXT        NOT NULL,
    partition   INT         NOT NULL,
    dlq_offset  BIGINT      NOT NULL,
    replayed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (dlq_topic, partition, dlq_offset)
);
