-- Descriptive metadata aligned with DCAT-AP and what data.gouv.fr asks for.
ALTER TABLE dataset ADD COLUMN keywords TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE dataset ADD COLUMN theme TEXT;
ALTER TABLE dataset ADD COLUMN licence TEXT NOT NULL DEFAULT 'etalab-2.0';
ALTER TABLE dataset ADD COLUMN frequency TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE dataset ADD COLUMN temporal_start DATE;
ALTER TABLE dataset ADD COLUMN temporal_end DATE;
ALTER TABLE dataset ADD COLUMN spatial TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE dataset ADD COLUMN contact_name TEXT;
ALTER TABLE dataset ADD COLUMN contact_email TEXT;
ALTER TABLE dataset ADD COLUMN search_document TSVECTOR;

-- Full-text search in French (stemming: "vélos" finds "vélo"), titles and keywords first.
CREATE FUNCTION dataset_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('french', coalesce(NEW.title, '')), 'A') ||
        setweight(to_tsvector('french', array_to_string(NEW.keywords, ' ')), 'A') ||
        setweight(to_tsvector('french', coalesce(NEW.description, '')), 'B') ||
        setweight(to_tsvector('french', NEW.organization || ' ' || NEW.slug), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER dataset_search_document BEFORE INSERT OR UPDATE ON dataset
    FOR EACH ROW EXECUTE FUNCTION dataset_search_document();

UPDATE dataset SET title = title;

CREATE INDEX dataset_search ON dataset USING GIN (search_document);
