# The newcomer check of ./passerelle test: what a person who only cloned the repository gets.
# A clone of the committed HEAD in a temporary folder with nothing beside it (no ../shared), its own
# ./passerelle up (own .passerelle/, own database), then the README's walk run as written
# (ReadmeWalkTest: upload a national example, approve, download it published). The main stack must be
# down: the clone uses the same ports. Sourced, never run.
# shellcheck shell=bash

NEWCOMER_DATABASE=passerelle_newcomer
NEWCOMER_KEYCLOAK_DATABASE=keycloak_newcomer

newcomer_check() {
  local start tmp clone rc=0
  start=$(now_ms)
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/passerelle-newcomer.XXXXXX")
  clone="$tmp/passerelle"
  step "Newcomer check: a clone of HEAD in $tmp, nothing beside it"
  [[ -z $(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]] \
    || warn "uncommitted changes are not in the clone: the newcomer check runs what is committed"
  git clone -q --no-hardlinks "$ROOT" "$clone" || die "newcomer check: git clone failed"
  [[ ! -e $tmp/shared ]] || die "newcomer check: $tmp/shared exists"
  (
    cd "$clone"
    export PASSERELLE_PG_DATABASE=$NEWCOMER_DATABASE PASSERELLE_KEYCLOAK_DATABASE=$NEWCOMER_KEYCLOAK_DATABASE
    unset PASSERELLE_SCHEMAS_DIR PASSERELLE_SERVICES PASSERELLE_INSTANCES PASSERELLE_SKIP_BUILD
    ./passerelle up >"$tmp/up.log" 2>&1 || { tail -n 40 "$tmp/up.log" >&2; exit 1; }
    info "the clone is up ($(since "$start")); the README's walk, as written:"
    ./mvnw -B -q -Pe2e -pl e2e-tests verify -DskipFaults -Dtest=ReadmeWalkTest \
      -Dsurefire.failIfNoSpecifiedTests=false
  ) || rc=$?
  # Whatever happened: the clone's stack down, its logs kept, its database dropped, the folder removed.
  if ((rc != 0)) && [[ -d $clone/.passerelle/logs ]]; then
    rm -rf "$STATE/newcomer-logs" && mkdir -p "$STATE" && cp -r "$clone/.passerelle/logs" "$STATE/newcomer-logs"
    cp "$tmp/up.log" "$STATE/newcomer-logs/up.log" 2>/dev/null || true
    warn "the clone's logs are in ${STATE#"$ROOT"/}/newcomer-logs"
  fi
  (cd "$clone" 2>/dev/null && PASSERELLE_PG_DATABASE=$NEWCOMER_DATABASE \
    PASSERELLE_KEYCLOAK_DATABASE=$NEWCOMER_KEYCLOAK_DATABASE ./passerelle down >/dev/null 2>&1) || true
  # The clone's up made its database tests' database too (postgres.sh: <database>_test); left behind, it would keep
  # the services' roles from being dropped by ./passerelle reset.
  pg_ready && pg_admin postgres <<<"DROP DATABASE IF EXISTS $NEWCOMER_DATABASE WITH (FORCE);
    DROP DATABASE IF EXISTS ${NEWCOMER_DATABASE}_test WITH (FORCE);
    DROP DATABASE IF EXISTS $NEWCOMER_KEYCLOAK_DATABASE WITH (FORCE); DROP ROLE IF EXISTS $NEWCOMER_KEYCLOAK_DATABASE;" || true
  rm -rf "$tmp"
  ((rc == 0)) || die "newcomer check failed: a fresh clone does not publish the README's walk"
  step "Newcomer check: a fresh clone published the README's walk in $(since "$start")"
}
