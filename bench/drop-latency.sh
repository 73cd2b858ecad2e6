#!/usr/bin/env bash
# Drop → published latency on the local stack (started if needed): N files dropped one after the
# other in the dropzone bucket, each timed until the portal serves it. Prints each run and the
# median. Usage: bench/drop-latency.sh [runs, default 20]
exec "$(dirname "${BASH_SOURCE[0]}")/on-stack.sh" DropLatencyBenchmark "${1:-20}"
