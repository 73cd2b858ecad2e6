-- The latest file that failed the quality check: it did not replace the published version, and
-- staff must see that it happened and why.
ALTER TABLE dataset ADD COLUMN last_failed_upload_id UUID;
ALTER TABLE dataset ADD COLUMN last_failed_summary TEXT;
ALTER TABLE dataset ADD COLUMN last_failed_at TIMESTAMPTZ;
