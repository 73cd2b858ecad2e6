-- The Idempotency-Key a client sent with its upload (IETF draft « The Idempotency-Key HTTP Header Field »): a client
-- that lost the answer (a timeout, ingest killed between its commit and its answer) sends the same request again with
-- the same key and is answered with the upload it already made, not a second one. Unique per organisation.
ALTER TABLE upload ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX upload_by_idempotency_key ON upload (organization, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
