# The four Passerelle services of ./passerelle: each runs from a copy of its Quarkus fast-jar
# (.passerelle/apps/<service>), so a rebuild never swaps the jars of a running service.
# Sourced, never run.
# shellcheck shell=bash

ALL_SERVICES=(ingest-service quality-service catalog-service publish-service)
declare -A SERVICE_PORT=([ingest-service]=8081 [quality-service]=8082 [catalog-service]=8083 [publish-service]=8084)
READY_TIMEOUT=${PASSERELLE_READY_TIMEOUT:-120}
SCHEMAS_DIR=$(realpath -m "$ROOT/../shared/schemas")

# The services to start: $PASSERELLE_SERVICES (names with or without "-service", space
# separated) when set, even to "" (infrastructure only); all four otherwise.
selected_services() {
  local name svc
  for name in ${PASSERELLE_SERVICES-${ALL_SERVICES[*]}}; do
    svc=${name%-service}-service
    [[ -n ${SERVICE_PORT[$svc]:-} ]] || die "PASSERELLE_SERVICES: unknown service '$name' (known: ${ALL_SERVICES[*]})"
    echo "$svc"
  done
}

service_jar() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

service_launch() {
  local svc=$1 name=${1%-service} port=${SERVICE_PORT[$1]} pw_var app="$STATE/apps/$1"
  pw_var="PASSERELLE_DB_PASSWORD_${name^^}"
  check_port_free "$name" "$port"
  [[ -f $(service_jar "$svc") ]] || die "$svc is not built: $(service_jar "$svc") is missing"
  rm -rf "$app"
  mkdir -p "$STATE/apps"
  cp -a "$ROOT/$svc/target/quarkus-app" "$app"
  # Each service gets only the secrets it needs: every one verifies tokens with the public key; ingest
  # alone signs them (POST …/tokens), publish alone holds the portals' API keys (encrypted with its key).
  local -a own=()
  case $name in
    ingest) own+=("PASSERELLE_JWT_PRIVATE_KEY=$KEYS/$JWT_PRIVATE_KEY") ;;
    publish) own+=("PASSERELLE_SECRETS_KEY=$PASSERELLE_SECRETS_KEY") ;;
  esac
  PASSERELLE_JWT_PUBLIC_KEY="$KEYS/$JWT_PUBLIC_KEY" \
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
    PASSERELLE_SCHEMAS_DIR="$SCHEMAS_DIR" \
    PASSERELLE_PULL_ALLOWED_HOSTS="${PASSERELLE_PULL_ALLOWED_HOSTS:-127.0.0.1}" \
    launch "$name" "$app" env "${own[@]}" "$JAVA" -Xmx256m -jar "$app/quarkus-run.jar"
}

services_up() {
  local svc name port start pending=() launch=() stale=()
  local -a services
  mapfile -t services < <(selected_services)
  if ((${#services[@]} == 0)); then
    step "Services: none (PASSERELLE_SERVICES is empty)"
    return 0
  fi
  for svc in "${services[@]}"; do
    name=${svc%-service} port=${SERVICE_PORT[$svc]}
    if is_running "$name" "$port" && [[ $(http_status "$port" /q/health/ready) == 200 ]]; then
      if [[ ! $(service_jar "$svc") -nt $STATE/apps/$svc/quarkus-run.jar ]]; then
        step "$name: running (pid $(pid_of "$name")) on :$port"
      elif [[ ${RESTART_STALE:-} != 1 ]]; then
        step "$name: running (pid $(pid_of "$name")) on :$port, an older build (down, then up, to run the new one)"
      else
        stale+=("$name") launch+=("$svc")
      fi
    elif pid_of "$name" >/dev/null; then
      pending+=("$name") # started by an earlier up, not ready yet
    else
      launch+=("$svc")
    fi
  done
  if ((${#stale[@]})); then
    step "Restarting ${stale[*]}: running an older build"
    stop "${stale[@]}"
  fi
  for svc in "${launch[@]+"${launch[@]}"}"; do
    service_launch "$svc"
    pending+=("${svc%-service}")
  done
  ((${#pending[@]})) || return 0
  step "Services: starting ${pending[*]}…"
  start=$(now_ms)
  local deadline=$((start + READY_TIMEOUT * 1000)) last_line=$start
  while ((${#pending[@]})); do
    local still=()
    for name in "${pending[@]}"; do
      port=${SERVICE_PORT[$name-service]}
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
      fail_with_log "${pending[0]}" "not ready after $READY_TIMEOUT s (GET :${SERVICE_PORT[${pending[0]}-service]}/q/health/ready)"
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
  stop "${names[@]}"
}
