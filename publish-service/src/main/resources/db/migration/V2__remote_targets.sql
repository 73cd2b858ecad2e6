-- Remote portals a dataset is also published on, and the remote ids that make a republication
-- replace the same remote resource instead of creating a duplicate.
CREATE TABLE remote_target (
    organization        TEXT        NOT NULL,
    dataset             TEXT        NOT NULL,
    kind                TEXT        NOT NULL,
    api_url             TEXT        NOT NULL,
    remote_organization TEXT        NOT NULL,
    -- TODO(issue 7): encrypt at rest. Never returned by the API, never logged.
    api_key             TEXT        NOT NULL,
    remote_dataset_id   TEXT,
    remote_resource_id  TEXT,
    last_version        INT,
    last_status         TEXT,
    last_error          TEXT,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization, dataset, kind)
);
