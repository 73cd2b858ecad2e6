-- The trace of the upload behind a version: a publication that an approval triggers later continues it.
ALTER TABLE version ADD COLUMN traceparent TEXT;
