-- The OpenTelemetry trace of the upload: the same id is in the traceparent header of every event it causes.
ALTER TABLE upload ADD COLUMN trace_id TEXT;
