-- The organisations' webhooks: HTTPS addresses that receive every outcome of their pipeline as a CloudEvent, signed
-- as Standard Webhooks says (README, « Webhooks »). Written by Webhooks only.
CREATE TABLE webhook (
    id                    UUID        PRIMARY KEY,
    organization          TEXT        NOT NULL,
    url                   TEXT        NOT NULL,
    -- The signing secret (whsec_…), sealed with AES-256-GCM under a key derived from the service's signing key and
    -- bound to this row: shown once, when made or rotated, never read back by the API.
    secret                TEXT        NOT NULL,
    -- The secret before the last rotation, still signing beside the new one until previous_secret_until, so that a
    -- receiver can switch without losing a message.
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    enabled               BOOLEAN     NOT NULL DEFAULT TRUE,
    disabled_reason       TEXT,       -- in French, for the organisation's admins
    -- Deliveries given up in a row (every attempt failed); a delivery that succeeds sets it back to 0.
    consecutive_failures  INT         NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by            TEXT        NOT NULL
);
CREATE INDEX webhook_by_organization ON webhook (organization);

-- One event to one webhook: written in the transaction that records the outcome's event, sent after by WebhookSender.
-- (webhook_id, event_id) is unique, so a redelivered or replayed event adds nothing; the row's id is the request's
-- webhook-id header, the same at every attempt, by which the receiver recognises a repeat. Written by
-- WebhookDeliveries only.
CREATE TABLE webhook_delivery (
    id               UUID        PRIMARY KEY,
    webhook_id       UUID        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL, -- the CloudEvent, structured mode, exactly the bytes that are signed and sent
    -- PENDING: to send at next_attempt_at; SENDING: claimed by an instance until lease_until; DELIVERED: answered 2xx;
    -- FAILED: every attempt failed
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'FAILED')),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,
    last_status_code INT,
    last_error       TEXT,       -- in French: the admins read it on the Webhooks page
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_to_send ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC);
