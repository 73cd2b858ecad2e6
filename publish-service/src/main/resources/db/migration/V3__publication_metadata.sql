-- What the portal shows of each published version: the catalogue's description at the time.
ALTER TABLE publication ADD COLUMN title TEXT;
ALTER TABLE publication ADD COLUMN description TEXT;
ALTER TABLE publication ADD COLUMN licence TEXT;
