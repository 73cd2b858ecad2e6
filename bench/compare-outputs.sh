#!/usr/bin/env bash
# Are the engine's reports and clean files byte-identical to those of an earlier revision? Builds the engine
# (classes and test classes: the corpus generator is a test class) at BASE and in the working tree, runs
# java/compare/OutputSnapshot.java with each on the same inputs, validating and fixing, and compares the outputs.
# Inputs: the corpus of issue 15 (68 files), every national example shipped with the engine, and generated IRVE
# files (bench/java/IrveCsvGenerator.java: ROWS rows as generated, and the same in Windows-1252 with `;`).
# Usage: bench/compare-outputs.sh [BASE, default HEAD] [ROWS, default 50000]
# Exit 0 when every output is identical, 1 when one differs (the first lines of each difference are printed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
BASE=${1:-HEAD}
ROWS=${2:-50000}
BASE_SHA=$(git rev-parse --verify "$BASE^{commit}")
DATA=$ROOT/bench/.data/compare
mkdir -p "$DATA"

# build DIR: the engine's jar, classes, test classes and runtime libraries in DIR (never `install`: the local
# Maven repository is shared with other builds).
build() {
  (cd "$1" && ./mvnw -B -q -o -pl quality-service/engine -am package -DskipTests)
}

# snapshot DIR OUT: runs OutputSnapshot against the engine built in DIR.
snapshot() {
  local engine=$1/quality-service/engine/target classes=$DATA/snapshot-classes-$(basename "$2")
  local cp=$engine/classes:$engine/test-classes:$engine/lib/*
  rm -rf "$classes" "$2" && mkdir -p "$classes"
  javac -d "$classes" -cp "$cp" bench/java/compare/OutputSnapshot.java
  java -Xmx512m -cp "$classes:$cp" OutputSnapshot "$2" "${INPUTS[@]}"
}

BASE_DIR=$DATA/base-$BASE_SHA
if [[ ! -f $BASE_DIR/.built ]]; then
  echo "== building the engine at $BASE ($BASE_SHA)"
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR"
  git archive "$BASE_SHA" | tar -x -C "$BASE_DIR"
  build "$BASE_DIR"
  touch "$BASE_DIR/.built"
fi
echo "== building the engine in the working tree"
build "$ROOT"

echo "== inputs"
INPUTS=()
for example in quality-service/engine/src/main/resources/fr/passerelle/quality/engine/schemas/*/examples/*; do
  schema=$(basename "$(dirname "$(dirname "$example")")")
  INPUTS+=("$schema=$ROOT/$example")
done
GENERATED=$DATA/irve-$ROWS.csv
if [[ ! -f $GENERATED ]]; then
  mkdir -p "$DATA/generator"
  fastcsv=$(ls quality-service/engine/target/lib/fastcsv-*.jar)
  javac -d "$DATA/generator" -cp "$fastcsv" bench/java/IrveCsvGenerator.java
  java -cp "$DATA/generator:$fastcsv" IrveCsvGenerator "$ROWS" 20240601 "$GENERATED"
  # The same rows as a French spreadsheet saves them: Windows-1252, `;`, CRLF.
  python3 - "$GENERATED" "$DATA/irve-$ROWS-win1252.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as src, \
     open(sys.argv[2], 'w', newline='', encoding='cp1252', errors='replace') as dst:
    writer = csv.writer(dst, delimiter=';', lineterminator='\r\n')
    for row in csv.reader(src):
        writer.writerow(row)
EOF
fi
INPUTS+=("irve-statique=$GENERATED" "irve-statique=$DATA/irve-$ROWS-win1252.csv")
echo "${#INPUTS[@]} files given, plus the corpus"

echo "== outputs at $BASE"
snapshot "$BASE_DIR" "$DATA/out-base"
echo "== outputs of the working tree"
snapshot "$ROOT" "$DATA/out-new"

if diff -rq "$DATA/out-base" "$DATA/out-new" >"$DATA/differences.txt"; then
  echo "identical: $(ls "$DATA/out-new" | wc -l) outputs (reports and clean files) byte for byte"
else
  echo "DIFFERENT: $(wc -l <"$DATA/differences.txt") of $(ls "$DATA/out-new" | wc -l) outputs" >&2
  while read -r _ a _ b _; do
    echo "--- $(basename "$a")" >&2
    diff "$a" "$b" | head -20 >&2 || true
  done <"$DATA/differences.txt"
  exit 1
fi
