-- Tokens Passerelle issued through the admin API: what they grant and whether they are revoked.
-- The token itself is never stored: it is shown once, to the admin who asked for it.
CREATE TABLE issued_token (
    -- The token's jti: what a revocation is keyed on.
    id            UUID        PRIMARY KEY,
    organization  TEXT        NOT NULL,
    subject       TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('personne', 'machine')),
    issued_by     TEXT        NOT NULL,
    issued_at     TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT
);

CREATE INDEX issued_token_by_organization ON issued_token (organization, issued_at DESC);
-- What every instance reloads every few seconds: revoked tokens that have not expired yet.
CREATE INDEX issued_token_revoked ON issued_token (expires_at) WHERE revoked_at IS NOT NULL;
