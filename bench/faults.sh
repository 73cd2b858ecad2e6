#!/usr/bin/env bash
# The fault harness: 2,000 uploads by default (the short form is 200: bench/faults.sh 200, also run by ./passerelle test) through SIGTERM and kill -9 of each service, a Kafka and a
# PostgreSQL restart, a 30 s S3 outage and a remote portal answering 503; prints the table of
# uploads sent, accepted, published, rejected, lost (0) and duplicated (0), and the recovery times.
# Needs the local stack up (./passerelle up); it kills and restarts parts of it.
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-2000}
./passerelle status >/dev/null || { echo "The stack is not up: run ./passerelle up first." >&2; exit 1; }
./mvnw -B -q -Pe2e -pl e2e-tests verify -DskipFaults=false -Dtest=PipelineFaultsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpasserelle.faults.uploads="$uploads" -Dpasserelle.e2e.patience-seconds=300 2>&1 \
  | sed -n '/^| pannes/,/^$/p; /FAIL\|ERROR\]/p'
