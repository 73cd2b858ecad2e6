# L'espace agent (staff-app) of ./passerelle on 127.0.0.1:8085: the staff's web app, logging people in
# on Keycloak (keycloak.sh) and calling the four services with their token. Like a service, it runs
# from a copy of its Quarkus fast-jar (.passerelle/apps/staff-app). Sourced, never run.
# shellcheck shell=bash

STAFF_PORT=8085
STAFF_URL="http://127.0.0.1:$STAFF_PORT"

staff_jar() { echo "$ROOT/staff-app/target/quarkus-app/quarkus-run.jar"; }

# Runs with the whole stack, or when PASSERELLE_SERVICES names it ("staff").
staff_selected() {
  [[ -z ${PASSERELLE_SERVICES+set} ]] && return 0
  local name
  for name in $PASSERELLE_SERVICES; do [[ $name == staff || $name == staff-app ]] && return 0; done
  return 1
}

staff_start() {
  STAFF_STARTED=""
  staff_selected || return 0
  local app="$STATE/apps/staff-app"
  if is_running staff "$STAFF_PORT" && [[ ! $(staff_jar) -nt $app/quarkus-run.jar ]]; then
    step "staff-app: running (pid $(pid_of staff)) on $STAFF_URL"
    return 0
  fi
  if is_running staff "$STAFF_PORT"; then
    step "staff-app: restarting (an older build)"
    stop staff
  fi
  if pid_of staff >/dev/null; then
    STAFF_STARTED=$(now_ms)
    return 0
  fi
  check_port_free staff "$STAFF_PORT"
  [[ -f $(staff_jar) ]] || die "staff-app is not built: $(staff_jar) is missing"
  rm -rf "$app"
  mkdir -p "$STATE/apps"
  cp -a "$ROOT/staff-app/target/quarkus-app" "$app"
  step "staff-app: starting on $STAFF_URL…"
  PASSERELLE_OIDC_ISSUER="$KEYCLOAK_ISSUER" \
    PASSERELLE_STAFF_APP_SECRET="$PASSERELLE_STAFF_APP_SECRET" \
    QUARKUS_HTTP_PORT="$STAFF_PORT" \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    launch staff "$app" "$JAVA" -Xmx192m -jar "$app/quarkus-run.jar"
  STAFF_STARTED=$(now_ms)
}

staff_ready() {
  [[ -n ${STAFF_STARTED:-} ]] || return 0
  local deadline=$(($(now_ms) + READY_TIMEOUT * 1000))
  until [[ $(http_status "$STAFF_PORT" /q/health/ready) == 200 ]]; do
    pid_of staff >/dev/null || fail_with_log staff "exited during start-up"
    (($(now_ms) < deadline)) || fail_with_log staff "not ready after $READY_TIMEOUT s (GET :$STAFF_PORT/q/health/ready)"
    sleep 0.5
  done
  info "staff-app ready in $(since "$STAFF_STARTED")"
}
