#!/usr/bin/env bash
# Writes base/services/<service>.yaml: each service's Deployment and Service as quarkus-kubernetes generates
# them from its configuration at build time (target/kubernetes/kubernetes.yml), under a header that says so.
#
# usage: deploy/kubernetes/generate.sh [--check] [--no-build]
#   --check     write nothing; fail when a committed file is not the build's output (GeneratedManifestsTest, which
#               compares documents key for key: dekorate does not always write a map's keys in the same order)
#   --no-build  use the target/kubernetes of the last build (./mvnw install builds it too) instead of building
# Without --check, the files are written only when their documents differ from the build's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/deploy/kubernetes/base/services"
SERVICES=(ingest-service quality-service catalog-service publish-service notification-service staff-app)
check=false build=true
for arg in "$@"; do
  case $arg in
    --check) check=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--check] [--no-build]" >&2 && exit 2 ;;
  esac
done

if $build; then
  modules=$(IFS=, && echo "${SERVICES[*]}")
  (cd "$ROOT" && ./mvnw -B -q -o package -DskipTests -pl "$modules" -am)
fi

# The header of every generated file; GeneratedManifestsTest expects exactly this.
header() {
  cat <<HEADER
# Generated: do not edit. quarkus-kubernetes wrote it from $1's configuration ($1/src/main/resources/
# application.properties, and for the five services platform/src/main/resources/META-INF/microprofile-config.properties)
# at build time, into $1/target/kubernetes/kubernetes.yml. To change it, change that configuration, then run
#   deploy/kubernetes/generate.sh
# GeneratedManifestsTest fails when this file is not the build's output.
HEADER
}

compare() {
  (cd "$ROOT" && ./mvnw -B -q -o test -pl deploy/kubernetes \
    -Dtest='GeneratedManifestsTest#eachCommittedManifestIsWhatTheModulesLastBuildGenerated' "$@")
}
if $check; then
  compare
  exit
fi
# The same documents already committed: nothing is written (dekorate may order a map's keys differently from one
# build to the next, which would only churn the files).
if compare >/dev/null 2>&1; then
  echo "deploy/kubernetes/base/services/ is already the build's output: nothing written"
  exit 0
fi
for svc in "${SERVICES[@]}"; do
  generated="$ROOT/$svc/target/kubernetes/kubernetes.yml"
  [[ -f $generated ]] || { echo "$generated is missing: build $svc first (./mvnw install, or without --no-build)" >&2; exit 1; }
  { header "$svc"; cat "$generated"; } >"$OUT/$svc.yaml"
  echo "wrote deploy/kubernetes/base/services/$svc.yaml"
done
