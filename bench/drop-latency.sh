#!/usr/bin/env bash
# Drop → published latency on the local stack (started if needed): N files dropped one after the
# other in the dropzone bucket, each timed until the portal serves it. Prints each run and the
# median. Usage: bench/drop-latency.sh [runs, default 20]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./passerelle up
./mvnw -B -q -Pe2e -pl e2e-tests test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=fr.passerelle.e2e.DropLatencyBenchmark -Dexec.classpathScope=test \
  -Dexec.args="${1:-20}" \
  -Dpasserelle.root="$PWD" -Dpasserelle.home="$PWD/.passerelle" -Dpasserelle.shared.dir="$PWD/../shared"
