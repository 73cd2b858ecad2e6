-- A version's content never changes: the comparison of two versions is computed once, then read.
CREATE TABLE version_diff (
    organization  TEXT        NOT NULL,
    dataset       TEXT        NOT NULL,
    number        INT         NOT NULL,
    compared_with INT         NOT NULL,
    result        JSONB       NOT NULL,
    computed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset, number, compared_with),
    FOREIGN KEY (organization, dataset, number) REFERENCES version (organization, dataset, number),
    FOREIGN KEY (organization, dataset, compared_with) REFERENCES version (organization, dataset, number)
);

-- Who approved what and when: written in the same transaction as the change it records.
CREATE TABLE approval_event (
    id           BIGSERIAL   PRIMARY KEY,
    organization TEXT        NOT NULL,
    dataset      TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    actor        TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    versions     INT[]       NOT NULL DEFAULT '{}',
    at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (organization, dataset) REFERENCES dataset (organization, slug)
);
CREATE INDEX approval_event_by_dataset ON approval_event (organization, dataset, id DESC);

-- "Always ask": every new version waits for a publisher, even once the dataset is approved.
ALTER TABLE dataset ADD COLUMN always_ask BOOLEAN NOT NULL DEFAULT false;
-- Set when a material change withdrew the approval; cleared by the next approval.
ALTER TABLE dataset ADD COLUMN approval_withdrawn_at TIMESTAMPTZ;
ALTER TABLE dataset ADD COLUMN approval_withdrawn_reason TEXT;

-- The approvals given before this journal existed, so that every dataset's history starts with them.
INSERT INTO approval_event (organization, dataset, action, actor, reason, at)
SELECT organization, slug, 'APPROVED', coalesce(approved_by, 'anonyme'),
       'Approbation donnée avant la tenue du journal des approbations.', coalesce(approved_at, updated_at)
FROM dataset WHERE approved;
