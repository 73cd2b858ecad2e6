#!/usr/bin/env bash
# The corpus of messy files (issue 15): 68 files over six national schemas, each a seeded truth plus the
# kinds of mess local authorities' exports have, scored cell by cell against its truth.
#   1. engine level: the engine's CorpusScoreTest (QualityCheck with the automatic fixes), no stack needed;
#   2. end to end (full form): CorpusPipelineTest -Dpasserelle.corpus=full on the local stack, which must be up
#      (./passerelle up); each file uploaded, approved, its latest.csv downloaded and compared.
# Usage: bench/corpus-score.sh [engine|pipeline|both]   (default both)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-both}
[[ $what =~ ^(engine|pipeline|both)$ ]] || { echo "usage: $0 [engine|pipeline|both]" >&2; exit 2; }

# The scorer's table: from its title line to its last total.
table() { sed -n '/^== Corpus/,/^personal data BLOCKED/p; /Tests run:.*Fail\|FAIL\|ERROR\]/p'; }

if [[ $what != pipeline ]]; then
  ./mvnw -B -q -pl quality-service/engine -am install -DskipTests
  ./mvnw -B -pl quality-service/engine test -Dtest=CorpusScoreTest -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | table
fi
if [[ $what != engine ]]; then
  ./passerelle status >/dev/null || { echo "The stack is not up: run ./passerelle up first." >&2; exit 1; }
  ./mvnw -B -q -pl quality-service/engine -am install -DskipTests
  ./mvnw -B -Pe2e -pl e2e-tests verify -DskipFaults -Dtest=CorpusPipelineTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dpasserelle.corpus=full -Dpasserelle.e2e.patience-seconds=300 2>&1 | table
fi
