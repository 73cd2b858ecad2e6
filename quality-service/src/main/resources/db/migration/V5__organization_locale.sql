-- What staff decided for a whole organisation: for now the conventions its files are written under (BCP 47),
-- followed by each of its datasets that names none of its own.
CREATE TABLE organization_settings (
    organization  TEXT        PRIMARY KEY,
    locale        TEXT        NOT NULL DEFAULT 'fr-FR',
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A dataset's locale is now its own choice or nothing (NULL: its organisation's). Until now fr-FR was written for
-- every dataset whether staff chose it or not, and no organisation had a locale, so fr-FR meant "the default":
-- those rows now follow their organisation, itself fr-FR until staff say otherwise, and read their files as before.
ALTER TABLE dataset_settings ALTER COLUMN locale DROP NOT NULL;
ALTER TABLE dataset_settings ALTER COLUMN locale DROP DEFAULT;
UPDATE dataset_settings SET locale = NULL WHERE locale = 'fr-FR';
