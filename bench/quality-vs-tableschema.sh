#!/usr/bin/env bash
# Passerelle's quality engine against the frictionless JS implementation (npm `tableschema`) on
# the same generated IRVE file and the same irve-statique schema, with FastCSV's bare parse of
# that file as the ceiling: wall time, rows/s, MB/s, peak RSS, the ratios, and what each found.
# BENCH_BIG=1 also validates and fixes a ~1 GB file with the engine alone under the same heap.
# Usage: bench/quality-vs-tableschema.sh [rows, default 1000000]
#   env: BENCH_SEED (default 20240601), BENCH_HEAP (engine -Xmx, default 256m), BENCH_BIG=1,
#        PASSERELLE_SHARED_DIR (default ../shared, holding schemas/), BENCH_WARM_RUNS (default 5; below 3: no
#        warm runs), the runs in one JVM that show the steady state a long-running quality-service gets
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
ROWS=${1:-1000000}
SEED=${BENCH_SEED:-20240601}
HEAP=${BENCH_HEAP:-256m}
SCHEMAS=${PASSERELLE_SHARED_DIR:-$ROOT/../shared}/schemas
SCHEMA=irve-statique
DATA=$ROOT/bench/.data
[[ $ROWS =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [rows]" >&2; exit 2; }
[[ -f $SCHEMAS/$SCHEMA/schema.json ]] || { echo "no $SCHEMAS/$SCHEMA/schema.json (set PASSERELLE_SHARED_DIR)" >&2; exit 2; }
mkdir -p "$DATA"

echo "== build: quality engine jar, bench classes, tableschema (npm ci)"
./mvnw -B -q -pl quality-service/engine -am package -DskipTests
# The module also builds its test classes as a -tests.jar (for e2e-tests): not the one to run.
ENGINE_JAR=$(ls quality-service/engine/target/quality-engine-*.jar | grep -v -- '-tests\.jar$')
FASTCSV_JAR=$(ls quality-service/engine/target/lib/fastcsv-*.jar)
# WarmRuns drives the engine itself; the other classes need only FastCSV.
javac -d "$DATA/classes" -cp "$ENGINE_JAR:quality-service/engine/target/lib/*" bench/java/*.java
BENCH_CP=$FASTCSV_JAR:$DATA/classes
WARM_CP=$ENGINE_JAR:quality-service/engine/target/lib/*:$DATA/classes
if [[ ! -d bench/node/node_modules/tableschema || bench/node/package-lock.json -nt bench/node/node_modules ]]; then
  (cd bench/node && npm ci --no-audit --no-fund --loglevel=error)
fi

# generate ROWS FILE: the seeded IRVE file and its .defects sidecar, kept for the next run.
generate() {
  if [[ ! -f $2 || ! -f $2.defects ]]; then
    echo "== generating $2 ($1 rows, seed $SEED)"
    java -cp "$BENCH_CP" IrveCsvGenerator "$1" "$SEED" "$2.tmp"
    mv "$2.tmp.defects" "$2.defects" && mv "$2.tmp" "$2"
  fi
}

# measure NAME OUT CMD...: runs CMD (stdout to OUT), polling its VmHWM every 50 ms (peak RSS
# only grows, so at worst the growth of the last 50 ms is missed; no GNU time needed).
# Appends "NAME wall_ms peak_kb load cpu_ms" to $RESULTS (load: the 1-minute load average at the end, since
# a loaded machine slows every run). Exit code 1 is accepted: the engine's "invalid".
measure() {
  local name=$1 out=$2; shift 2
  local start end pid peak=0 hwm rc=0 stat= now
  echo "== $name"
  start=$(date +%s%N)
  "$@" >"$out" 2>"$out.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    # A zombie has no memory left to read and would keep kill -0 true until reaped.
    now=$(<"/proc/$pid/stat") 2>/dev/null && stat=$now || break
    grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && break
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
    if [[ -n $hwm ]] && ((hwm > peak)); then peak=$hwm; fi
    sleep 0.05
  done
  wait "$pid" || rc=$?
  end=$(date +%s%N)
  # The engine says "invalid" with 1 and "blocked" with 3; java says "no such jar" with 1 too, hence the stderr check.
  if ((rc > 1 && rc != 3)) || [[ -s $out.err && ! -s $out ]]; then
    echo "$name failed (exit $rc):" >&2
    tail -20 "$out.err" >&2
    exit 1
  fi
  echo "$name $(((end - start) / 1000000)) $peak $(cut -d' ' -f1 /proc/loadavg) $(cpu_ms "$stat")" >>"$RESULTS"
}

# cpu_ms STAT: user + system CPU of a process and all its threads (JIT, GC included), in ms, from the
# text of its /proc/PID/stat (utime and stime: fields 14 and 15, clock ticks). measure() keeps the
# last text read while polling, the zombie's when it sees one (then the whole run): never the polling
# loop's own grep, awk and sleep, which the shell's `times` would add.
cpu_ms() {
  awk -v ticks="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / ticks }' <<<"$1"
}

# report FILE: one line per measured run, then the ratios.
report() {
  local rows=$1 bytes=$2
  awk -v rows="$rows" -v bytes="$bytes" '
    { name[NR] = $1; ms[NR] = $2; kb[NR] = $3; load[NR] = $4; cpu[NR] = $5; idx[$1] = NR }
    END {
      printf "%-22s %10s %9s %12s %9s %13s %6s\n", "run", "wall (s)", "CPU (s)", "rows/s", "MB/s", "peak RSS (MB)", "load"
      for (i = 1; i <= NR; i++) {
        s = ms[i] / 1000
        printf "%-22s %10.2f %9.2f %12.0f %9.1f %13.0f %6s\n", name[i], s, cpu[i] / 1000, rows / s, bytes / 1e6 / s, kb[i] / 1024, load[i]
      }
      e = idx["passerelle-engine"]; t = idx["tableschema-js"]; f = idx["fastcsv-bare-parse"]
      if (e && t) printf "engine vs tableschema: %.1fx the speed, %.2fx the peak RSS\n", ms[t] / ms[e], kb[e] / kb[t]
      x = idx["passerelle-engine-fix"]
      if (e && x && x != e) printf "engine --fix (validating, fixing, writing the clean CSV) costs %.2fx validate\n", ms[x] / ms[e]
      if (e && f) printf "engine vs FastCSV ceiling: %.0f%% of its speed (%.1fx its time), %.2fx its peak RSS\n", 100 * ms[f] / ms[e], ms[e] / ms[f], kb[e] / kb[f]
    }' "$RESULTS"
}

# Cached by rows, seed and the generator's source (a changed generator makes a new file).
GENERATOR=$(sha1sum bench/java/IrveCsvGenerator.java | cut -c1-8)
FILE=$DATA/irve-$ROWS-seed$SEED-$GENERATOR.csv
generate "$ROWS" "$FILE"
BYTES=$(stat -c %s "$FILE")
RESULTS=$DATA/results-$ROWS.txt
: >"$RESULTS"

measure fastcsv-bare-parse "$DATA/fastcsv.out" java "-Xmx$HEAP" -cp "$BENCH_CP" FastCsvBareParse "$FILE"
measure passerelle-engine "$DATA/engine.json" java "-Xmx$HEAP" -jar "$ENGINE_JAR" \
  validate "$FILE" --schema "$SCHEMA" --schemas-dir "$SCHEMAS" --json
measure passerelle-engine-fix "$DATA/engine-fix.json" java "-Xmx$HEAP" -jar "$ENGINE_JAR" \
  validate "$FILE" --schema "$SCHEMA" --schemas-dir "$SCHEMAS" --json --fix "$DATA/clean.csv"
rm -f "$DATA/clean.csv"
measure tableschema-js "$DATA/tableschema.json" node bench/node/validate-with-tableschema.js \
  "$FILE" "$SCHEMAS/$SCHEMA/schema.json"

echo
echo "== $FILE: $ROWS rows, $((BYTES / 1000000)) MB, schema $SCHEMA; JVMs -Xmx$HEAP; $(nproc) cores; load: 1-min average at each run's end"
report "$ROWS" "$BYTES"
echo
echo "FastCSV: $(cut -d' ' -f1 "$DATA/fastcsv.out") records (header included), $(cut -d' ' -f2 "$DATA/fastcsv.out") fields"
echo "Findings (engine: its report; tableschema: rows replaced by an error under forceCast, one error per bad cell):"
node bench/node/compare-findings.js "$DATA/engine.json" "$DATA/tableschema.json"
echo "Defects the generator planted (seen = a validator of this schema can see it):"
sed 's/^/  /' "$FILE.defects"

# Warm: quality-service keeps one JVM for every upload, so after its first files the JIT has compiled the hot path
# and the schemas are loaded. WarmRuns repeats the same work in one JVM (FastCSV's bare parse, the engine validating,
# the engine fixing as quality-service does); the median of the runs after the first two is the steady state.
WARM_RUNS=${BENCH_WARM_RUNS:-5}
if ((WARM_RUNS >= 3)); then
  echo
  echo "== warm, as in quality-service: $WARM_RUNS runs in one JVM each (-Xmx$HEAP), median of runs 3 to $WARM_RUNS"
  WARM=$DATA/warm-$ROWS.txt
  : >"$WARM"
  for kind in fastcsv engine engine-fix; do
    java "-Xmx$HEAP" -cp "$WARM_CP" WarmRuns "$kind" "$FILE" "$WARM_RUNS" "$SCHEMAS" "$SCHEMA" | tee -a "$WARM" | sed 's/^/  /'
  done
  awk -v ld="$(cut -d' ' -f1 /proc/loadavg)" -v rows="$ROWS" -v ts="$(awk '$1 == "tableschema-js" { print $2 }' "$RESULTS")" '
    # median KIND: of the wall times of runs 3 and later
    function median(kind,   n, i, j, t, v) {
      n = 0
      for (i = 1; i <= count; i++) if (k[i] == kind && r[i] >= 3) v[++n] = w[i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { k[++count] = $1; r[count] = $3; w[count] = $4 }
    END {
      f = median("fastcsv"); e = median("engine"); x = median("engine-fix")
      printf "warm medians: FastCSV %.2f s, engine validating %.2f s (%.0f rows/s), fixing %.2f s; load %s at the end\n", f / 1000, e / 1000, rows / e * 1000, x / 1000, ld
      printf "warm engine vs FastCSV ceiling: %.0f%% of its speed; --fix costs %.2fx validate\n", 100 * f / e, x / e
      if (ts) printf "warm engine vs tableschema (its one run above): %.1fx the speed\n", ts / e
    }' "$WARM"
fi

if [[ ${BENCH_BIG:-0} == 1 ]]; then
  # About 1 GB: as many rows as the small file's bytes per row give.
  BIG_ROWS=$(((1000000000 * ROWS + BYTES - 1) / BYTES))
  BIG=$DATA/irve-$BIG_ROWS-seed$SEED-$GENERATOR.csv
  generate "$BIG_ROWS" "$BIG"
  BIG_BYTES=$(stat -c %s "$BIG")
  RESULTS=$DATA/results-$BIG_ROWS.txt
  : >"$RESULTS"
  measure passerelle-engine-fix "$DATA/engine-big.json" java "-Xmx$HEAP" -jar "$ENGINE_JAR" \
    validate "$BIG" --schema "$SCHEMA" --schemas-dir "$SCHEMAS" --json --fix "$DATA/big.clean.csv"
  echo
  echo "== $BIG: $BIG_ROWS rows, $((BIG_BYTES / 1000000)) MB; engine validating and writing the clean CSV, -Xmx$HEAP"
  report "$BIG_ROWS" "$BIG_BYTES"
  node -e 'const r = require(process.argv[1]); console.log(`verdict ${r.verdict}, ${r.rowCount} rows, ${r.errorCount} errors ${JSON.stringify(r.errorsByCode)}`)' "$DATA/engine-big.json"
  echo "clean CSV: $(($(stat -c %s "$DATA/big.clean.csv") / 1000000)) MB (deleted)"
  rm -f "$DATA/big.clean.csv"
fi
