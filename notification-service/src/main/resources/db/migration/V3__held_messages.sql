-- Who sent each upload, from the audit entry ingest writes with it (upload.accepted, upload.rechecked): a person's
-- login, a machine token's name or « dépôt automatique ». Its only use: knowing that an upload's sender is known here.
CREATE TABLE upload_sender (
    upload_id    UUID        PRIMARY KEY,
    organization TEXT        NOT NULL,
    dataset      TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    accepted_at  TIMESTAMPTZ NOT NULL
);

-- A message about an upload to the dataset's contributors, read before the audit entry naming its sender (the two
-- come on different topics, read side by side): held until that entry is read, so that the sender is among those
-- told, or until release_at, when it goes to whoever the contributors are then.
CREATE TABLE held_message (
    event_id     TEXT        NOT NULL,    -- with the kind, the outcome's key (as message.outcome_key)
    upload_id    UUID        NOT NULL,
    kind         TEXT        NOT NULL,    -- MessageKind's name
    organization TEXT        NOT NULL,
    dataset      TEXT,
    letter       TEXT        NOT NULL,    -- the Letter, as JSON
    held_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    release_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (kind, event_id)
);
CREATE INDEX held_message_by_upload ON held_message (upload_id);
CREATE INDEX held_message_by_release ON held_message (release_at);
