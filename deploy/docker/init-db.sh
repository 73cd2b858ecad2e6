#!/bin/sh
# One database, one schema and one login role per service; no role reads another's schema.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname passerelle <<SQL
REVOKE ALL ON DATABASE passerelle FROM PUBLIC;
CREATE ROLE ingest  LOGIN PASSWORD '${PASSERELLE_DB_PASSWORD_INGEST}';
CREATE ROLE quality LOGIN PASSWORD '${PASSERELLE_DB_PASSWORD_QUALITY}';
CREATE ROLE catalog LOGIN PASSWORD '${PASSERELLE_DB_PASSWORD_CATALOG}';
CREATE ROLE publish LOGIN PASSWORD '${PASSERELLE_DB_PASSWORD_PUBLISH}';
CREATE ROLE notification LOGIN PASSWORD '${PASSERELLE_DB_PASSWORD_NOTIFICATION}';
CREATE SCHEMA ingest  AUTHORIZATION ingest;
CREATE SCHEMA quality AUTHORIZATION quality;
CREATE SCHEMA catalog AUTHORIZATION catalog;
CREATE SCHEMA publish AUTHORIZATION publish;
CREATE SCHEMA notification AUTHORIZATION notification;
ALTER ROLE ingest  SET search_path = ingest;
ALTER ROLE quality SET search_path = quality;
ALTER ROLE catalog SET search_path = catalog;
ALTER ROLE publish SET search_path = publish;
ALTER ROLE notification SET search_path = notification;
GRANT CONNECT ON DATABASE passerelle TO ingest, quality, catalog, publish, notification;
SQL
