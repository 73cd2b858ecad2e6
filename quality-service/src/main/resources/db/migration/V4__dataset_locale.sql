-- The conventions a dataset's files are written under (BCP 47): they settle what the values leave open,
-- such as the order of 05/04/2024. French unless staff say otherwise.
ALTER TABLE dataset_settings ADD COLUMN locale TEXT NOT NULL DEFAULT 'fr-FR';
