# PostgreSQL of ./passerelle: the machine's own cluster, installed and started if needed,
# with one database, and one login role and schema per service. Sourced, never run.
# shellcheck shell=bash

# Another database keeps a second checkout's stack apart from this one (the newcomer check does that).
PG_DATABASE=${PASSERELLE_PG_DATABASE:-passerelle}
[[ $PG_DATABASE =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "PASSERELLE_PG_DATABASE: lower-case letters, digits and _, not '$PG_DATABASE'"
PG_TEST_DATABASE=${PG_DATABASE}_test
PG_ROLES=(ingest quality catalog publish notification)

pg_ready() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

# Admin SQL as the postgres OS user, so peer authentication works on a stock Debian.
pg_admin() {
  local db=$1
  shift
  # Without the NOTICEs of CREATE … IF NOT EXISTS on every run.
  export PGOPTIONS="-c client_min_messages=warning"
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$db" "$@")
  else
    (cd / && sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d "$db" "$@")
  fi
}

postgres_up() {
  if pg_ready; then
    step "PostgreSQL: running on 127.0.0.1:$PG_PORT"
  else
    local start version cluster
    start=$(now_ms)
    step "PostgreSQL: starting…"
    if ! command -v pg_ctlcluster >/dev/null; then
      info "installing Debian's postgresql package"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    fi
    # The cluster configured on our port; a new "main" one when there is none.
    read -r version cluster < <(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }') || true
    if [[ -z ${version:-} ]]; then
      version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf "%f\n" | sort -V | tail -n 1)
      cluster=main
      pg_createcluster --port "$PG_PORT" "$version" "$cluster" >/dev/null
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    local deadline=$(($(now_ms) + 30000))
    until pg_ready; do
      (($(now_ms) < deadline)) || die "PostgreSQL $version/$cluster not ready after 30 s (see /var/log/postgresql/)"
      sleep 0.2
    done
    info "ready in $(since "$start")"
  fi
  postgres_setup
}

# Idempotent: the database, then per service a login role whose password is the one in
# secrets.env, a schema it owns, search_path on it, and CONNECT on the database (taken from
# PUBLIC), so no role can read another's schema.
postgres_setup() {
  local role pw pw_var sql_roles="" sql_schemas="REVOKE ALL ON DATABASE $PG_DATABASE FROM PUBLIC;"
  for role in "${PG_ROLES[@]}"; do
    pw_var="PASSERELLE_DB_PASSWORD_${role^^}"
    pw=${!pw_var}
    sql_roles+="
      SELECT 'CREATE ROLE $role' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') \\gexec
      ALTER ROLE $role WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$pw';
      ALTER ROLE $role SET search_path = $role;"
    sql_schemas+="
      CREATE SCHEMA IF NOT EXISTS $role AUTHORIZATION $role;
      GRANT CONNECT, TEMPORARY ON DATABASE $PG_DATABASE TO $role;"
  done
  # The database belongs with the rest of .passerelle/: a new state directory means new Kafka
  # and S3 data, so a database left by an earlier one (offsets, objects it refers to) is dropped.
  if [[ ! -f $STATE/postgres.initialized ]]; then
    pg_admin postgres <<<"DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE);"
  fi
  pg_admin postgres <<SQL
SELECT 'CREATE DATABASE $PG_DATABASE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DATABASE') \gexec
$sql_roles
SQL
  pg_admin "$PG_DATABASE" <<<"$sql_schemas"
  # The services' database tests (@QuarkusTest, run by ./mvnw install) use a database of their own, with the same
  # roles and schemas: their rows never reach the stack's services (an outbox row there would be sent to Kafka).
  pg_admin postgres <<SQL
SELECT 'CREATE DATABASE $PG_TEST_DATABASE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_TEST_DATABASE') \gexec
SQL
  pg_admin "$PG_TEST_DATABASE" <<<"${sql_schemas//$PG_DATABASE/$PG_TEST_DATABASE}"
  touch "$STATE/postgres.initialized"
  info "databases $PG_DATABASE and $PG_TEST_DATABASE (tests), roles and schemas: ${PG_ROLES[*]}"
}

postgres_drop() {
  if ! pg_ready; then
    warn "PostgreSQL is not running: database $PG_DATABASE and its roles left as they are"
    return 0
  fi
  # The roles belong to the whole cluster: a database where they still own something (a newcomer check's, left by an
  # interrupted run) would make DROP ROLE fail, so those go too.
  local role sql="DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE); DROP DATABASE IF EXISTS $PG_TEST_DATABASE WITH (FORCE);"
  sql+=" DROP DATABASE IF EXISTS passerelle_newcomer WITH (FORCE); DROP DATABASE IF EXISTS passerelle_newcomer_test WITH (FORCE);"
  for role in "${PG_ROLES[@]}"; do sql+=" DROP ROLE IF EXISTS $role;"; done
  pg_admin postgres <<<"$sql"
  info "databases $PG_DATABASE, $PG_TEST_DATABASE and roles ${PG_ROLES[*]} dropped"
}

# Prints "PID" of the postmaster of the cluster on $PG_PORT, if any.
postgres_pid() {
  local dir
  dir=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port && $4 == "online" { print $6; exit }')
  [[ -n $dir && -r $dir/postmaster.pid ]] && head -n 1 "$dir/postmaster.pid"
}
