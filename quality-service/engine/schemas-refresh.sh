#!/usr/bin/env bash
# ./passerelle schemas refresh [CATALOGUE_URL [SNAPSHOT_DIR]]: refreshes the national schemas shipped in the engine
# (quality-service/engine/src/main/resources/fr/passerelle/quality/engine/schemas) from the schema.data.gouv.fr
# catalogue, for a release. Needs the network; see quality-service/engine/README.md « Schémas nationaux ».
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [[ ${1:-} != refresh ]]; then
  echo "usage: ./passerelle schemas refresh [CATALOGUE_URL [SNAPSHOT_DIR]]" >&2
  exit 2
fi
shift
url=${1:-https://schema.data.gouv.fr/schemas/schemas.json}
dir=${2:-quality-service/engine/src/main/resources/fr/passerelle/quality/engine/schemas}
./mvnw -B -q -pl quality-service/engine -am install -DskipTests
jar=$(ls quality-service/engine/target/quality-engine-*.jar | grep -v -e sources -e javadoc | head -1)
exec "${JAVA:-java}" -cp "$jar:quality-service/engine/target/lib/*" \
  fr.passerelle.quality.engine.schema.snapshot.SnapshotRefresh --catalogue "$url" --dir "$dir"
