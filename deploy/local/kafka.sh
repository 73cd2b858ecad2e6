# Kafka of ./passerelle: one KRaft node (broker and controller) from the Maven Central jars in
# deploy/local/target/lib/kafka. Sourced, never run.
# shellcheck shell=bash

KAFKA_DIR="$STATE/kafka"   # server.properties, log4j2.properties, cluster.id, data/

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by ./passerelle up at every start: edit deploy/local/kafka.sh, not this file.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_DIR/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  cat >"$KAFKA_DIR/log4j2.properties" <<'EOF'
# Written by ./passerelle up. Everything goes to stdout, which is .passerelle/logs/kafka.log.
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
EOF
}

# Formats the storage once; the cluster id is kept in cluster.id so the data stays usable.
kafka_format() {
  [[ -f $KAFKA_DIR/data/meta.properties ]] && return 0
  local id
  if [[ -s $KAFKA_DIR/cluster.id ]]; then
    id=$(<"$KAFKA_DIR/cluster.id")
  else
    # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding, not starting with "-".
    id=-
    while [[ $id == -* ]]; do id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='); done
    echo "$id" >"$KAFKA_DIR/cluster.id"
  fi
  info "formatting storage (cluster id $id)"
  "$JAVA" -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -cp "$LIB/kafka/*" \
    kafka.tools.StorageTool format -t "$id" -c "$KAFKA_DIR/server.properties" --standalone \
    >"$LOGS/kafka-format.log" 2>&1 || fail_with_log kafka-format "storage format failed"
}

kafka_start() {
  KAFKA_STARTED=""
  if is_running kafka "$KAFKA_PORT"; then
    step "Kafka: running (pid $(pid_of kafka)) on $KAFKA_BOOTSTRAP"
    return 0
  fi
  if pid_of kafka >/dev/null; then
    step "Kafka: starting already (pid $(pid_of kafka))…"
  else
    step "Kafka: starting…"
    check_port_free kafka "$KAFKA_PORT"
    mkdir -p "$LOGS"
    kafka_write_config
    kafka_format
    launch kafka "$KAFKA_DIR" "$JAVA" -Xmx512m -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
      -cp "$LIB/kafka/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  fi
  KAFKA_STARTED=$(now_ms)
}

# Waits for the broker, then creates the topics (StackSetup retries until the broker answers).
kafka_ready() {
  if [[ -n ${KAFKA_STARTED:-} ]]; then
    wait_port kafka "$KAFKA_PORT" 60
  fi
  stack_setup topics "$KAFKA_BOOTSTRAP" || fail_with_log kafka "did not accept the topics"
  [[ -n ${KAFKA_STARTED:-} ]] && info "Kafka ready in $(since "$KAFKA_STARTED")"
  return 0
}
