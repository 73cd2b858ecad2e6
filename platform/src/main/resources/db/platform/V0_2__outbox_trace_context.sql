-- The W3C trace context of the work that wrote the event, so the relay (another thread, later) sends the
-- event in the same trace: one upload is one trace across the four services.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
ALTER TABLE outbox ADD COLUMN tracestate TEXT;
