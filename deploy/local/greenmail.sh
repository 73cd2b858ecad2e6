# The mail server of ./passerelle: GreenMail standalone (com.icegreen:greenmail-standalone, one jar from Maven
# Central in deploy/local/target/lib/greenmail), SMTP on 127.0.0.1:3025 for the services, and its REST API on
# 127.0.0.1:8025 to read what they sent. It accepts any recipient without authentication and delivers each
# mail to that recipient's mailbox, created on the first mail. Mail is kept in memory only: `down` forgets it,
# as nothing in the stack needs it across runs. Sourced, never run.
# shellcheck shell=bash

GREENMAIL_SMTP_PORT=3025
GREENMAIL_API_PORT=8025
GREENMAIL_API="http://127.0.0.1:$GREENMAIL_API_PORT"
# A small server that holds a few test mails: 64 MB of heap and a small JIT are plenty (about 80 MB resident).
GREENMAIL_JAVA_OPTS=(-Xms16m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k
  -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=64m -Djava.awt.headless=true)

greenmail_jar() { compgen -G "$LIB/greenmail/greenmail-standalone-*.jar" | head -n 1; }

greenmail_start() {
  GREENMAIL_STARTED=""
  if is_running greenmail "$GREENMAIL_SMTP_PORT"; then
    step "GreenMail: running (pid $(pid_of greenmail)), SMTP 127.0.0.1:$GREENMAIL_SMTP_PORT"
    return 0
  fi
  if pid_of greenmail >/dev/null; then
    step "GreenMail: starting already (pid $(pid_of greenmail))…"
  else
    local jar
    jar=$(greenmail_jar)
    [[ -n $jar ]] || die "GreenMail is not in ${LIB#"$ROOT"/}/greenmail: run ./mvnw -pl deploy/local -am install"
    step "GreenMail: starting…"
    check_port_free greenmail "$GREENMAIL_SMTP_PORT"
    check_port_free greenmail "$GREENMAIL_API_PORT"
    mkdir -p "$STATE"
    # Both servers on 127.0.0.1 only, like the rest of the stack; auth.disabled: any recipient, any login.
    launch greenmail "$STATE" "$JAVA" "${GREENMAIL_JAVA_OPTS[@]}" \
      -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$GREENMAIL_SMTP_PORT" \
      -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$GREENMAIL_API_PORT" \
      -Dgreenmail.auth.disabled -Dgreenmail.startup.timeout=20000 \
      -jar "$jar"
  fi
  GREENMAIL_STARTED=$(now_ms)
}

# Waits for SMTP, then for the API's own readiness (GET /api/service/readiness answers 200 once GreenMail runs).
greenmail_ready() {
  if [[ -n ${GREENMAIL_STARTED:-} ]]; then
    wait_port greenmail "$GREENMAIL_SMTP_PORT" 60
  fi
  local deadline=$(($(now_ms) + 30000))
  until [[ $(http_status "$GREENMAIL_API_PORT" /api/service/readiness) == 200 ]]; do
    pid_of greenmail >/dev/null || fail_with_log greenmail "exited during start-up"
    (($(now_ms) < deadline)) || fail_with_log greenmail "API $GREENMAIL_API/api/service/readiness not ready after 30 s"
    sleep 0.2
  done
  [[ -n ${GREENMAIL_STARTED:-} ]] && info "GreenMail ready in $(since "$GREENMAIL_STARTED")"
  return 0
}
