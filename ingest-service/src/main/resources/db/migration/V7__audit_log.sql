-- Each organisation's audit log, collected from passerelle.audit.v1 (every service writes to it
-- through its outbox). Read newest first, page by page, by the organisation's admins.
CREATE TABLE audit_entry (
    event_id     TEXT        PRIMARY KEY,
    organization TEXT        NOT NULL,
    dataset      TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    address      TEXT,
    action       TEXT        NOT NULL,
    detail       TEXT,
    -- Which service recorded it (ce_source), for whoever must find the code behind an entry.
    source       TEXT,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX audit_entry_by_organization ON audit_entry (organization, occurred_at DESC, event_id DESC);
