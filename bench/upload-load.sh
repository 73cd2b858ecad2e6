#!/usr/bin/env bash
# Many small uploads at once on the local stack (started if needed): uploads accepted per second,
# upload → published p50/p95 and each service's peak threads and RSS. Usage:
#   bench/upload-load.sh [uploads, default 500] [at a time, default 50]
exec "$(dirname "${BASH_SOURCE[0]}")/on-stack.sh" UploadLoadBenchmark "${1:-500}" "${2:-50}"
