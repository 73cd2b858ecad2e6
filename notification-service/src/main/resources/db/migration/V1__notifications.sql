-- The people notifications know, as their last login said: their organisation and roles. Filled by PUT /api/v1/me,
-- which the staff app calls at each login; nothing else knows who the publishers of an organisation are (tokens carry
-- identifiers only, and the production identity provider has no directory we may read).
CREATE TABLE person (
    organization TEXT        NOT NULL, -- '' for operators, who belong to none
    login        TEXT        NOT NULL, -- the token's upn: what the audit log names the person by
    email        TEXT        NOT NULL, -- the token's email claim (the login when it has none and is an address)
    roles        TEXT        NOT NULL, -- comma separated: contributor, publisher, admin, ops
    seen_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, login)
);

-- The dataset's contributors: the people who worked on it (uploaded, decided, described it), from the audit log.
CREATE TABLE dataset_contributor (
    organization TEXT        NOT NULL,
    dataset      TEXT        NOT NULL,
    login        TEXT        NOT NULL, -- the audit entry's actor
    acted_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization, dataset, login)
);

-- How the upload came (a person's upload or a drop) and under which file name: what the message says of it.
CREATE TABLE upload (
    upload_id    UUID        PRIMARY KEY,
    organization TEXT        NOT NULL,
    dataset      TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    filename     TEXT,
    received_at  TIMESTAMPTZ NOT NULL
);

-- What each person wants of each kind of message; no row is IMMEDIATE.
CREATE TABLE preference (
    email    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DIGEST', 'NONE')),
    PRIMARY KEY (email, kind)
);

-- The e-mails to send: written in the transaction that records the outcome's event, sent after by MailSender, each
-- once (outcome_key + recipient is unique, so a redelivered or replayed event adds nothing).
CREATE TABLE message (
    id              UUID        PRIMARY KEY,
    outcome_key     TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    organization    TEXT,
    dataset         TEXT,
    subject         TEXT        NOT NULL,
    body_text       TEXT        NOT NULL,
    body_html       TEXT        NOT NULL,
    -- PENDING: to send; SENDING: claimed by an instance until lease_until; SENT; DIGEST: waits for the recipient's
    -- daily digest; DIGESTED: went out in one; FAILED: the relay refused it for good
    status          TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until     TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    UNIQUE (outcome_key, recipient)
);
CREATE INDEX message_to_send ON message (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX message_by_recipient ON message (recipient, created_at);
