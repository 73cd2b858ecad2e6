#!/usr/bin/env bash
# Issue 18's scale-out figures on this machine: the same load of small uploads with 1, 2 and 3 instances of
# the quality service sharing its consumer group (the other services stay at one instance). Prints, per
# run, UploadLoadBenchmark's table: uploads/s, upload → published p50/p95, each service's CPU seconds and
# peaks. Starts the stack if needed and stops the extra instances at the end (./passerelle down stops all).
#   bench/scale-out.sh [uploads, default 1000] [at a time, default 50] [most quality instances, default 3]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
uploads=${1:-1000} concurrency=${2:-50} most=${3:-3}
[[ $most =~ ^[1-9]$ ]] || { echo "most quality instances: 1 to 9, not '$most'" >&2; exit 2; }
./passerelle up >/dev/null
# A first, uncounted run: without it the 1-instance figures carry the JIT's and the caches' warm-up (measured:
# ingest's CPU for the same 1,000 uploads fell from 46 s to 21 s over three cold-started runs).
echo "== warm-up: $((uploads / 3)) uploads, not counted"
bench/on-stack.sh UploadLoadBenchmark "$((uploads / 3))" "$concurrency" >/dev/null
for ((n = 1; n <= most; n++)); do
  if ((n > 1)); then
    ./passerelle launch "quality-$n"
    port=$((8082 + 10 * (n - 1)))
    for _ in $(seq 1 240); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]] && break
      sleep 0.5
    done
    # Let the group rebalance give the new instance its partitions before the load starts.
    sleep 10
  fi
  echo "== $n quality instance(s), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench/on-stack.sh UploadLoadBenchmark "$uploads" "$concurrency" | sed -n '/^| figure/,$p'
done
