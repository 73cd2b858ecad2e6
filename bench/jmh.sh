#!/usr/bin/env bash
# JMH benchmark of the quality engine's hot path (bench/jmh/src/passerelle/bench/EngineRowBench.java): microseconds per row of a
# generated IRVE file, validating only and fixing + writing the clean CSV. Builds the engine, fetches JMH 1.37
# (bench/jmh/pom.xml, into bench/.data/jmh-libs) and compiles the benchmark with javac and JMH's annotation processor.
# Usage: bench/jmh.sh [JMH options, e.g. -wi 1 -i 3 -f 1 for a quicker look]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=bench/.data
LIBS=$DATA/jmh-libs
./mvnw -B -q -pl quality-service/engine -am package -DskipTests
if [[ ! -f $LIBS/jmh-core-1.37.jar ]]; then
  ./mvnw -B -q -f bench/jmh/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$LIBS"
fi
ENGINE=quality-service/engine/target
CP="$ENGINE/classes:$ENGINE/lib/*:$LIBS/*"
rm -rf "$DATA/jmh-classes" && mkdir -p "$DATA/jmh-classes"
# javac expands a * in -cp, not in -processorpath: the JMH jars are listed one by one.
PROCESSOR_PATH=$(ls "$LIBS"/*.jar | paste -sd: -)
javac -d "$DATA/jmh-classes" -cp "$CP" -processorpath "$PROCESSOR_PATH" \
  bench/jmh/src/passerelle/bench/EngineRowBench.java bench/java/IrveCsvGenerator.java
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
java -cp "$DATA/jmh-classes:$CP" org.openjdk.jmh.Main EngineRowBench "$@"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
