-- An offset alone does not name a dead letter for ever: a dead-letter topic that is deleted and
-- created again starts at offset 0. The record's timestamp, with it, does.
ALTER TABLE dead_letter_replay ADD COLUMN dlq_timestamp BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dead_letter_replay DROP CONSTRAINT dead_letter_replay_pkey;
ALTER TABLE dead_letter_replay ADD PRIMARY KEY (dlq_topic, partition, dlq_offset, dlq_timestamp);
