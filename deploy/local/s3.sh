# S3 server of ./passerelle on 127.0.0.1:9000: MinIO when a `minio` binary is on PATH, else
# S3Proxy (Maven Central jars in deploy/local/target/lib/s3proxy) over the filesystem.
# Objects live in .passerelle/s3/<bucket>/. Sourced, never run.
# shellcheck shell=bash

S3_DATA="$STATE/s3"

s3_flavour() { if command -v minio >/dev/null; then echo MinIO; else echo S3Proxy; fi; }

s3_start() {
  S3_STARTED=""
  if is_running s3 "$S3_PORT"; then
    step "S3: running (pid $(pid_of s3)) on $S3_ENDPOINT"
    return 0
  fi
  if pid_of s3 >/dev/null; then
    step "S3: starting already (pid $(pid_of s3))…"
  else
    step "S3 ($(s3_flavour)): starting…"
    check_port_free s3 "$S3_PORT"
    mkdir -p "$S3_DATA"
    if command -v minio >/dev/null; then
      MINIO_ROOT_USER="$PASSERELLE_S3_ACCESS_KEY" MINIO_ROOT_PASSWORD="$PASSERELLE_S3_SECRET_KEY" \
        launch s3 "$STATE" minio server "$S3_DATA" --quiet \
        --address "127.0.0.1:$S3_PORT" --console-address "127.0.0.1:$((S3_PORT + 1))"
    else
      s3proxy_write_config
      launch s3 "$STATE" "$JAVA" -Xmx256m -Djava.awt.headless=true \
        -Dlogback.configurationFile="$STATE/s3proxy-logback.xml" \
        -cp "$LIB/s3proxy/*" org.gaul.s3proxy.Main --properties "$STATE/s3proxy.properties"
    fi
  fi
  S3_STARTED=$(now_ms)
}

s3proxy_write_config() {
  (
    umask 077
    cat >"$STATE/s3proxy.properties" <<EOF
# Written by ./passerelle up at every start: edit deploy/local/s3.sh, not this file.
s3proxy.endpoint=$S3_ENDPOINT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$PASSERELLE_S3_ACCESS_KEY
s3proxy.credential=$PASSERELLE_S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.identity=$PASSERELLE_S3_ACCESS_KEY
jclouds.credential=$PASSERELLE_S3_SECRET_KEY
jclouds.filesystem.basedir=$S3_DATA
EOF
  )
  # S3Proxy ships no logback configuration: without one, logback logs everything at DEBUG.
  cat >"$STATE/s3proxy-logback.xml" <<'EOF'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>[%d{ISO8601}] %level %msg \(%logger{36}\)%n</pattern></encoder>
  </appender>
  <logger name="org.gaul.s3proxy" level="INFO"/>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
EOF
}

# Waits for the server, then creates the buckets (StackSetup retries until S3 answers).
s3_ready() {
  if [[ -n ${S3_STARTED:-} ]]; then
    wait_port s3 "$S3_PORT" 60
  fi
  stack_setup buckets "$S3_ENDPOINT" "$PASSERELLE_S3_ACCESS_KEY" "$PASSERELLE_S3_SECRET_KEY" "${BUCKETS[@]}" ||
    fail_with_log s3 "did not accept the buckets"
  [[ -n ${S3_STARTED:-} ]] && info "S3 ready in $(since "$S3_STARTED")"
  return 0
}
