-- People type "velo" as often as "vélo": search folds accents on both sides. (The unaccent
-- extension would need a superuser; this function needs nothing.)
CREATE FUNCTION fold_accents(text) RETURNS text AS $$
    SELECT replace(replace(translate(lower($1),
        'àâäáãåéèêëíìîïóòôöõúùûüçñÿ', 'aaaaaaeeeeiiiiooooouuuucny'), 'œ', 'oe'), 'æ', 'ae')
$$ LANGUAGE sql IMMUTABLE STRICT;

CREATE OR REPLACE FUNCTION dataset_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('french', fold_accents(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('french', fold_accents(array_to_string(NEW.keywords, ' '))), 'A') ||
        setweight(to_tsvector('french', fold_accents(coalesce(NEW.description, ''))), 'B') ||
        setweight(to_tsvector('french', NEW.organization || ' ' || NEW.slug), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

UPDATE dataset SET title = title;
