# Shared helpers of ./passerelle: paths, output, processes, ports. Sourced, never run.
# shellcheck shell=bash disable=SC2034  # the constants are used by the other parts

STATE="$ROOT/.passerelle"        # everything the local stack writes (git-ignored)
RUN="$STATE/run"                 # PID files
LOGS="$STATE/logs"               # one log per component
SECRETS="$STATE/secrets.env"     # generated passwords and keys, mode 600
KEYS="$STATE/keys"               # the embedded token issuer's key pair (private key mode 600)
JWT_PRIVATE_KEY=jwt-private.pem
JWT_PUBLIC_KEY=jwt-public.pem
ADMIN_TOKEN="$STATE/admin.token" # the first admin token printed by up, mode 600
LIB="$ROOT/deploy/local/target/lib"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
S3_PORT=9000
PG_PORT=5432
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
BUCKETS=(raw clean public dropzone)

# ---- output

step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $((t / 1000)); }
# Seconds since START_MS (a now_ms value), like "3.1 s".
since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# ---- ports and HTTP, in plain bash (curl may be missing on a fresh machine)

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the HTTP status code of GET http://127.0.0.1:PORT/PATH, or nothing.
http_status() {
  local port=$1 path=$2
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
    read -r -t 5 _ code _ <&3 && printf '%s' "$code"
  ) 2>/dev/null || true
}

# ---- processes started by this script: PID in $RUN/NAME.pid, output in $LOGS/NAME.log

pid_of() {
  local file="$RUN/$1.pid" pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Running = PID alive and port answering. A PID file whose process is gone is removed.
is_running() {
  local name=$1 port=$2
  if ! pid_of "$name" >/dev/null; then
    rm -f "$RUN/$name.pid"
    return 1
  fi
  port_open "$port"
}

# Refuses to start NAME when its port is taken by a process this script did not start.
check_port_free() {
  local name=$1 port=$2
  if ! pid_of "$name" >/dev/null && port_open "$port"; then
    die "$name: port $port is already used by another process; stop it first"
  fi
}

# launch NAME WORKDIR COMMAND... : runs COMMAND detached (own session, survives the shell),
# output to $LOGS/NAME.log, PID to $RUN/NAME.pid. The previous logs are kept as NAME.log.1 (the last)
# to NAME.log.9: the fault harness restarts each service several times, and a failure is diagnosed
# from the run before the restarts.
launch() {
  local name=$1 dir=$2 generation
  shift 2
  mkdir -p "$RUN" "$LOGS"
  for generation in 8 7 6 5 4 3 2 1; do
    [[ -f $LOGS/$name.log.$generation ]] && mv -f "$LOGS/$name.log.$generation" "$LOGS/$name.log.$((generation + 1))"
  done
  [[ -f $LOGS/$name.log ]] && mv -f "$LOGS/$name.log" "$LOGS/$name.log.1"
  (cd "$dir" && exec setsid nohup "$@" >"$LOGS/$name.log" 2>&1 </dev/null) &
  echo $! >"$RUN/$name.pid"
}

# wait_port NAME PORT TIMEOUT_S : waits until PORT answers; fails (with the log) if the process dies.
wait_port() {
  local name=$1 port=$2 timeout=$3 deadline
  deadline=$(($(now_ms) + timeout * 1000))
  until port_open "$port"; do
    pid_of "$name" >/dev/null || fail_with_log "$name" "exited during start-up"
    (($(now_ms) < deadline)) || fail_with_log "$name" "port $port not open after $timeout s"
    sleep 0.2
  done
}

fail_with_log() {
  local name=$1 why=$2
  printf 'ERROR: %s %s. Last lines of %s:\n' "$name" "$why" "${LOGS#"$ROOT"/}/$name.log" >&2
  tail -n 30 "$LOGS/$name.log" >&2 2>/dev/null || true
  exit 1
}

# stop NAME... : SIGTERM to each, up to 20 s of grace, then SIGKILL. Each process leads its
# own group (setsid), so the whole group is signalled. Several names stop side by side.
stop() {
  local name pid start names=() pids=()
  start=$(now_ms)
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      names+=("$name") pids+=("$pid")
    fi
    rm -f "$RUN/$name.pid"
  done
  local i deadline=$((start + 20000))
  for i in "${!pids[@]}"; do
    while kill -0 "${pids[i]}" 2>/dev/null && (($(now_ms) < deadline)); do sleep 0.1; done
    if kill -0 "${pids[i]}" 2>/dev/null; then
      warn "${names[i]} did not stop within 20 s: killing it"
      kill -KILL -- "-${pids[i]}" 2>/dev/null || kill -KILL "${pids[i]}" 2>/dev/null || true
    fi
    info "${names[i]} stopped ($(since "$start"))"
  done
}

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }

# ---- StackSetup (deploy/local/src): topics, buckets, waits

stack_setup() {
  "$JAVA" -Dstack.timeout=60 -cp "$LIB/tool/*" fr.passerelle.stack.StackSetup "$@" | sed 's/^/    /'
}

# ---- secrets: generated on first use, then reused

random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

load_secrets() {
  mkdir -p "$STATE"
  if [[ ! -f $SECRETS ]]; then
    (
      umask 077
      {
        echo "# Generated by ./passerelle up; reused by every run; deleted by ./passerelle reset."
        echo "PASSERELLE_S3_ACCESS_KEY=passerelle"
        echo "PASSERELLE_S3_SECRET_KEY=$(random_hex 20)"
        for role in ingest quality catalog publish notification; do
          echo "PASSERELLE_DB_PASSWORD_${role^^}=$(random_hex 16)"
        done
      } >"$SECRETS"
    )
  fi
  # Added after the first version of the file: appended once to older state directories.
  if ! grep -q '^PASSERELLE_DB_PASSWORD_NOTIFICATION=' "$SECRETS"; then
    (umask 077 && echo "PASSERELLE_DB_PASSWORD_NOTIFICATION=$(random_hex 16)" >>"$SECRETS")
  fi
  if ! grep -q '^PASSERELLE_SECRETS_KEY=' "$SECRETS"; then
    (umask 077 && echo "PASSERELLE_SECRETS_KEY=$(random_hex 32)" >>"$SECRETS")
  fi
  # notification-service signs its unsubscribe links with it (64 hex digits).
  if ! grep -q '^PASSERELLE_NOTIFICATIONS_SIGNING_KEY=' "$SECRETS"; then
    (umask 077 && echo "PASSERELLE_NOTIFICATIONS_SIGNING_KEY=$(random_hex 32)" >>"$SECRETS")
  fi
  chmod 600 "$SECRETS"
  # Plain shell variables, not exported: each process gets only the secrets it needs.
  # shellcheck disable=SC1090
  . "$SECRETS"
}

# ---- tokens: the embedded issuer (deploy/local/src/.../Tokens.java)

tokens_tool() { "$JAVA" -cp "$LIB/tool/*" fr.passerelle.stack.Tokens "$@"; }

# The key pair every service verifies tokens with, generated on the first up.
ensure_keys() {
  local out
  out=$(tokens_tool keys "$KEYS") || die "cannot create the token keys in ${KEYS#"$ROOT"/}"
  [[ $out == created* ]] && info "token keys created in ${KEYS#"$ROOT"/}/"
  return 0
}

# A fresh administrator token of $PASSERELLE_ORG (default "demo"), valid 12 hours, in .passerelle/admin.token.
first_admin_token() {
  local org=${PASSERELLE_ORG:-demo}
  (umask 077 && tokens_tool token "$KEYS/$JWT_PRIVATE_KEY" "$org" contributor,publisher,admin "admin@$org" 12 \
    >"$ADMIN_TOKEN") || die "cannot sign the first admin token"
}

# ---- the browser of the end-to-end browser tests (Debian's Chromium and its driver)

ensure_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  step "Browser tests need Debian's chromium and chromium-driver: installing them"
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || die "apt-get update failed"
  $sudo apt-get install -y -qq chromium chromium-driver >/dev/null || die "could not install chromium chromium-driver"
}
