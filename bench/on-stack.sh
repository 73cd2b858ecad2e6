#!/usr/bin/env bash
# Runs one of the end-to-end module's benchmark programs (a main class under e2e-tests' test sources) on the
# local stack, started if needed. Usage: bench/on-stack.sh ClassName [arguments…]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
main=$1
shift
./passerelle up
./mvnw -B -q -Pe2e -pl e2e-tests test-compile \
  org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass="fr.passerelle.e2e.$main" -Dexec.classpathScope=test \
  -Dexec.args="$*" \
  -Dpasserelle.root="$PWD" -Dpasserelle.home="$PWD/.passerelle" -Dpasserelle.shared.dir="$PWD/../shared"
