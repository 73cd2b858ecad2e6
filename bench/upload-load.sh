#!/usr/bin/env bash
# Many small uploads at once on the local stack (started if needed): uploads accepted per second,
# upload → published p50/p95 and each service's peak threads and RSS. Usage:
#   bench/upload-load.sh [uploads, default 500] [at a time, default 50]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./passerelle up
./mvnw -B -q -Pe2e -pl e2e-tests test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=fr.passerelle.e2e.UploadLoadBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-500} ${2:-50}" \
  -Dpasserelle.root="$PWD" -Dpasserelle.home="$PWD/.passerelle" -Dpasserelle.shared.dir="$PWD/../shared"
