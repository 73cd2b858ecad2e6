# The Passerelle services of ./passerelle: each runs from a copy of its Quarkus fast-jar
# (.passerelle/apps/<service>), so a rebuild never swaps the jars of a running service.
# Sourced, never run.
# shellcheck shell=bash

ALL_SERVICES=(ingest-service quality-service catalog-service publish-service notification-service)
declare -A SERVICE_PORT=([ingest-service]=8081 [quality-service]=8082 [catalog-service]=8083 [publish-service]=8084
  [notification-service]=8086)
READY_TIMEOUT=${PASSERELLE_READY_TIMEOUT:-120}
# Instances of each service: the first is "ingest" on :8081, the second "ingest-2" on :8091 (ten
# ports up), and so on; same consumer group, same schema, their own PID, log and copy of the jar.
INSTANCES=${PASSERELLE_INSTANCES:-1}
[[ $INSTANCES =~ ^[1-9]$ ]] || die "PASSERELLE_INSTANCES: a number from 1 to 9, not '$INSTANCES'"

# The services to start: $PASSERELLE_SERVICES (names with or without "-service", space
# separated) when set, even to "" (infrastructure only); all of them otherwise.
selected_services() {
  local name svc
  for name in ${PASSERELLE_SERVICES-${ALL_SERVICES[*]}}; do
    [[ $name == staff || $name == staff-app ]] && continue # staff.sh
    svc=${name%-service}-service
    [[ -n ${SERVICE_PORT[$svc]:-} ]] || die "PASSERELLE_SERVICES: unknown service '$name' (known: ${ALL_SERVICES[*]})"
    echo "$svc"
  done
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# The instances to run of the selected services: "ingest", then "ingest-2"… up to $INSTANCES.
selected_instances() {
  local svc i
  for svc in $(selected_services); do
    echo "${svc%-service}"
    for ((i = 2; i <= INSTANCES; i++)); do echo "${svc%-service}-$i"; done
  done
}

# instance_service NAME: "ingest-service" for "ingest" or "ingest-2".
instance_service() { echo "${1%-[0-9]*}-service"; }
# instance_port NAME: 8081 for "ingest", 8091 for "ingest-2".
instance_port() {
  local n=1
  [[ $1 =~ -([0-9]+)$ ]] && n=${BASH_REMATCH[1]}
  echo $((${SERVICE_PORT[$(instance_service "$1")]} + 10 * (n - 1)))
}
# instance_app NAME: the copy of the fast-jar it runs from.
instance_app() {
  local svc
  svc=$(instance_service "$1")
  if [[ $1 =~ -([0-9]+)$ ]]; then echo "$STATE/apps/$svc-${BASH_REMATCH[1]}"; else echo "$STATE/apps/$svc"; fi
}

# Every instance name that has a PID file, besides the first instances: extra instances of an
# earlier PASSERELLE_INSTANCES=2 run are stopped and shown too.
extra_instances() {
  local svc f
  for svc in "${ALL_SERVICES[@]}"; do
    for f in "$RUN/${svc%-service}"-[0-9]*.pid; do
      [[ -f $f ]] && f=${f##*/} && echo "${f%.pid}"
    done
  done
  return 0
}

# service_launch NAME: starts one instance ("ingest", "ingest-2"), without waiting for it.
service_launch() {
  local name=${1%-[0-9]*} instance=$1 svc port pw_var app
  svc=$(instance_service "$1") port=$(instance_port "$1") app=$(instance_app "$1")
  pw_var="PASSERELLE_DB_PASSWORD_${name^^}"
  check_port_free "$instance" "$port"
  [[ -f $(service_jar "$svc") ]] || die "$svc is not built: $(service_jar "$svc") is missing"
  rm -rf "$app"
  mkdir -p "$STATE/apps"
  cp -a "$ROOT/$svc/target/quarkus-app" "$app"
  # Each service gets only the secrets it needs: every one verifies machine tokens with the public key (and
  # people's with Keycloak's keys); ingest
  # alone signs them (POST …/tokens), publish alone holds the portals' API keys (encrypted with its key),
  # notification alone sends mail (to GreenMail) and signs unsubscribe links.
  local -a own=()
  case $name in
    ingest) own+=("PASSERELLE_JWT_PRIVATE_KEY=$KEYS/$JWT_PRIVATE_KEY") ;;
    publish) own+=("PASSERELLE_SECRETS_KEY=$PASSERELLE_SECRETS_KEY") ;;
    notification)
      own+=("QUARKUS_MAILER_HOST=127.0.0.1" "QUARKUS_MAILER_PORT=$GREENMAIL_SMTP_PORT"
        "PASSERELLE_NOTIFICATIONS_SIGNING_KEY=$PASSERELLE_NOTIFICATIONS_SIGNING_KEY") ;;
  esac
  # The outbound guard's explicit exception (never a default): 127.0.0.1 as written in a URL, where the
  # e2e tests' export and portal servers listen; localhost, 127.0.0.2, [::1], 2130706433… stay refused.
  PASSERELLE_JWT_PUBLIC_KEY="$KEYS/$JWT_PUBLIC_KEY" \
    PASSERELLE_OIDC_ISSUER="$KEYCLOAK_ISSUER" \
    PASSERELLE_OIDC_KEYS="$KEYCLOAK_JWKS" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    QUARKUS_HTTP_PORT="$port" \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    PASSERELLE_DROPZONE_INTERVAL="${PASSERELLE_DROPZONE_INTERVAL:-2s}" \
    PASSERELLE_DROPZONE_GRACE="${PASSERELLE_DROPZONE_GRACE:-3s}" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE" \
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$PG_DATABASE" \
    QUARKUS_DATASOURCE_USERNAME="$name" \
    QUARKUS_DATASOURCE_PASSWORD="${!pw_var}" \
    PASSERELLE_S3_ENDPOINT="$S3_ENDPOINT" \
    PASSERELLE_S3_ACCESS_KEY="$PASSERELLE_S3_ACCESS_KEY" \
    PASSERELLE_S3_SECRET_KEY="$PASSERELLE_S3_SECRET_KEY" \
    PASSERELLE_SCHEMAS_DIR="${PASSERELLE_SCHEMAS_DIR:-}" \
    PASSERELLE_OUTBOUND_ALLOWED_HOSTS="${PASSERELLE_OUTBOUND_ALLOWED_HOSTS:-127.0.0.1}" \
    PASSERELLE_DIAGNOSTICS_INTERNAL_ERROR_PROBE=true \
    launch "$instance" "$app" env "${own[@]}" "$JAVA" -Xmx256m -jar "$app/quarkus-run.jar"
}

services_up() {
  local svc name port start pending=() launch=() stale=()
  local -a instances
  mapfile -t instances < <(selected_instances)
  if ((${#instances[@]} == 0)); then
    step "Services: none (PASSERELLE_SERVICES is empty)"
    return 0
  fi
  for name in "${instances[@]}"; do
    svc=$(instance_service "$name") port=$(instance_port "$name")
    if is_running "$name" "$port" && [[ $(http_status "$port" /q/health/ready) == 200 ]]; then
      if [[ ! $(service_jar "$svc") -nt $(instance_app "$name")/quarkus-run.jar ]]; then
        step "$name: running (pid $(pid_of "$name")) on :$port"
      elif [[ ${RESTART_STALE:-} != 1 ]]; then
        step "$name: running (pid $(pid_of "$name")) on :$port, an older build (down, then up, to run the new one)"
      else
        stale+=("$name") launch+=("$name")
      fi
    elif pid_of "$name" >/dev/null; then
      pending+=("$name") # started by an earlier up (or launch), not ready yet
    else
      launch+=("$name")
    fi
  done
  if ((${#stale[@]})); then
    step "Restarting ${stale[*]}: running an older build"
    stop "${stale[@]}"
  fi
  for name in "${launch[@]+"${launch[@]}"}"; do
    service_launch "$name"
    pending+=("$name")
  done
  ((${#pending[@]})) || return 0
  step "Services: starting ${pending[*]}…"
  start=$(now_ms)
  local deadline=$((start + READY_TIMEOUT * 1000)) last_line=$start
  while ((${#pending[@]})); do
    local still=()
    for name in "${pending[@]}"; do
      port=$(instance_port "$name")
      pid_of "$name" >/dev/null || fail_with_log "$name" "exited during start-up"
      if [[ $(http_status "$port" /q/health/ready) == 200 ]]; then
        service_ready_line "$name ready in $(since "$start")"
      else
        still+=("$name")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]})) || break
    if (($(now_ms) > deadline)); then
      [[ -t 1 ]] && printf '\n'
      for name in "${pending[@]:1}"; do
        printf 'ERROR: %s not ready. Last lines of its log:\n' "$name" >&2
        tail -n 30 "$LOGS/$name.log" >&2 || true
      done
      fail_with_log "${pending[0]}" "not ready after $READY_TIMEOUT s (GET :$(instance_port "${pending[0]}")/q/health/ready)"
    fi
    if [[ -t 1 ]]; then
      printf '\r    waiting for %s… %s ' "${pending[*]}" "$(since "$start")"
    elif (($(now_ms) - last_line > 10000)); then
      info "waiting for ${pending[*]}… $(since "$start")"
      last_line=$(now_ms)
    fi
    sleep 0.5
  done
  [[ -t 1 ]] && printf '\r\033[K'
  return 0
}

# A line that also clears the progress line when on a terminal.
service_ready_line() {
  if [[ -t 1 ]]; then printf '\r\033[K'; fi
  info "$*"
}

services_down() {
  local svc names=()
  for svc in "${ALL_SERVICES[@]}"; do names+=("${svc%-service}"); done
  mapfile -t -O "${#names[@]}" names < <(extra_instances)
  stop "${names[@]}"
}

# services_launch NAME...: starts instances without infrastructure and without waiting for their
# readiness, as an orchestrator may (the start-up order test starts them before PostgreSQL, Kafka, S3).
services_launch() {
  local name
  load_secrets
  for name in "$@"; do
    [[ -n ${SERVICE_PORT[$(instance_service "$name")]:-} ]] || die "unknown service instance '$name'"
    if pid_of "$name" >/dev/null; then
      step "$name: already running (pid $(pid_of "$name"))"
    else
      service_launch "$name"
      step "$name: launched (pid $(pid_of "$name")) on :$(instance_port "$name"), not waiting for it"
    fi
  done
}
