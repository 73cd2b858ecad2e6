# Keycloak of ./passerelle on 127.0.0.1:8180: the people's identity provider (OpenID Connect), from
# the Maven Central distribution in deploy/local/target/lib/keycloak-<version>, run from a copy in
# deploy/local/target/keycloak-home (Keycloak writes its build there: about a minute, once, kept
# across ./passerelle reset), its data in the machine's PostgreSQL (database and role keycloak). The
# project's realm is imported on the first start with one demo agent per role (DemoRealm), whose
# passwords are in .passerelle/secrets.env. Sourced, never run.
# shellcheck shell=bash

KEYCLOAK_PORT=8180
KEYCLOAK_MANAGEMENT_PORT=8189 # Keycloak's default (9000) is S3's
KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
KEYCLOAK_REALM=passerelle
# The issuer of people's tokens: a fixed hostname, so that browser and services see the same one.
KEYCLOAK_ISSUER="$KEYCLOAK_URL/realms/$KEYCLOAK_REALM"
KEYCLOAK_JWKS="$KEYCLOAK_ISSUER/protocol/openid-connect/certs"
KEYCLOAK_DIR="$STATE/keycloak"
# Its database and role; another name keeps a second checkout's Keycloak apart (the newcomer check does that).
KEYCLOAK_DB=${PASSERELLE_KEYCLOAK_DATABASE:-keycloak}
[[ $KEYCLOAK_DB =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "PASSERELLE_KEYCLOAK_DATABASE: lower-case letters, digits and _, not '$KEYCLOAK_DB'"
KEYCLOAK_READY_TIMEOUT=${PASSERELLE_KEYCLOAK_TIMEOUT:-180}

keycloak_dist() { compgen -G "$LIB/keycloak-*/bin/kc.sh" | head -n 1 | sed 's|/bin/kc.sh$||'; }

# The secrets Keycloak needs, appended once to secrets.env (never committed, deleted by reset).
keycloak_secrets() {
  local name
  for name in PASSERELLE_DB_PASSWORD_KEYCLOAK PASSERELLE_KEYCLOAK_ADMIN_PASSWORD PASSERELLE_STAFF_APP_SECRET \
    PASSERELLE_DEMO_PASSWORD_CONTRIBUTOR PASSERELLE_DEMO_PASSWORD_PUBLISHER PASSERELLE_DEMO_PASSWORD_ADMIN \
    PASSERELLE_DEMO_PASSWORD_OPS; do
    if ! grep -q "^$name=" "$SECRETS"; then
      (umask 077 && echo "$name=$(random_hex 12)" >>"$SECRETS")
    fi
  done
  # shellcheck disable=SC1090
  . "$SECRETS"
}

# Its own database and login role, like the services' (postgres.sh); dropped with a new state directory.
keycloak_db() {
  if [[ ! -f $KEYCLOAK_DIR/db.initialized ]]; then
    pg_admin postgres <<<"DROP DATABASE IF EXISTS $KEYCLOAK_DB WITH (FORCE);"
  fi
  pg_admin postgres <<SQL
SELECT 'CREATE ROLE $KEYCLOAK_DB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$KEYCLOAK_DB') \gexec
ALTER ROLE $KEYCLOAK_DB WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$PASSERELLE_DB_PASSWORD_KEYCLOAK';
SELECT 'CREATE DATABASE $KEYCLOAK_DB OWNER $KEYCLOAK_DB' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$KEYCLOAK_DB') \gexec
REVOKE ALL ON DATABASE $KEYCLOAK_DB FROM PUBLIC;
SQL
  mkdir -p "$KEYCLOAK_DIR"
  touch "$KEYCLOAK_DIR/db.initialized"
}

keycloak_drop() {
  pg_ready || return 0
  pg_admin postgres <<<"DROP DATABASE IF EXISTS $KEYCLOAK_DB WITH (FORCE); DROP ROLE IF EXISTS $KEYCLOAK_DB;"
  info "database and role $KEYCLOAK_DB dropped"
}

# Started early and awaited at the end (keycloak_ready): it is the slowest part of up.
keycloak_start() {
  KEYCLOAK_STARTED=""
  if is_running keycloak "$KEYCLOAK_PORT"; then
    step "Keycloak: running (pid $(pid_of keycloak)) on $KEYCLOAK_URL"
    return 0
  fi
  if pid_of keycloak >/dev/null; then
    step "Keycloak: starting already (pid $(pid_of keycloak))…"
    KEYCLOAK_STARTED=$(now_ms)
    return 0
  fi
  local dist home="$ROOT/deploy/local/target/keycloak-home"
  dist=$(keycloak_dist)
  [[ -n $dist ]] || die "Keycloak is not unpacked in ${LIB#"$ROOT"/}: run ./mvnw -pl deploy/local -am install"
  step "Keycloak: starting…"
  check_port_free keycloak "$KEYCLOAK_PORT"
  keycloak_secrets
  keycloak_db
  # A copy of its own: Keycloak writes its build (lib/quarkus) and its import folder under its home.
  KEYCLOAK_IMPORT="$home/data/import/passerelle-realm.json"
  if [[ ! -f $home/.from || $(<"$home/.from") != "$dist" ]]; then
    rm -rf "$home"
    cp -a "$dist" "$home"
    echo "$dist" >"$home/.from"
  fi
  mkdir -p "$home/data/import"
  (umask 077 && PASSERELLE_STAFF_APP_SECRET="$PASSERELLE_STAFF_APP_SECRET" \
    PASSERELLE_DEMO_PASSWORD_CONTRIBUTOR="$PASSERELLE_DEMO_PASSWORD_CONTRIBUTOR" \
    PASSERELLE_DEMO_PASSWORD_PUBLISHER="$PASSERELLE_DEMO_PASSWORD_PUBLISHER" \
    PASSERELLE_DEMO_PASSWORD_ADMIN="$PASSERELLE_DEMO_PASSWORD_ADMIN" \
    PASSERELLE_DEMO_PASSWORD_OPS="$PASSERELLE_DEMO_PASSWORD_OPS" \
    "$JAVA" -cp "$LIB/tool/*" fr.passerelle.stack.DemoRealm "$ROOT/deploy/keycloak/passerelle-realm.json" \
    "$KEYCLOAK_IMPORT" "$(demo_org)") || die "cannot write Keycloak's realm"
  # The realm is imported once (Keycloak skips a realm it has); secrets by environment, not arguments.
  KC_DB_PASSWORD="$PASSERELLE_DB_PASSWORD_KEYCLOAK" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$PASSERELLE_KEYCLOAK_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    launch keycloak "$KEYCLOAK_DIR" "$home/bin/kc.sh" start-dev --import-realm \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="$KEYCLOAK_URL" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --db=postgres --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/$KEYCLOAK_DB" --db-username="$KEYCLOAK_DB"
  KEYCLOAK_STARTED=$(now_ms)
}

# Waits until the realm answers its OpenID configuration (imported, keys ready).
keycloak_ready() {
  local path="/realms/$KEYCLOAK_REALM/.well-known/openid-configuration" deadline
  deadline=$(($(now_ms) + KEYCLOAK_READY_TIMEOUT * 1000))
  until [[ $(http_status "$KEYCLOAK_PORT" "$path") == 200 ]]; do
    pid_of keycloak >/dev/null || fail_with_log keycloak "exited during start-up"
    (($(now_ms) < deadline)) || fail_with_log keycloak "realm $KEYCLOAK_REALM not served after $KEYCLOAK_READY_TIMEOUT s"
    sleep 0.5
  done
  # Imported: the demo passwords need not stay outside .passerelle/ (a restart skips a realm it has).
  [[ -n ${KEYCLOAK_IMPORT:-} ]] && rm -f "$KEYCLOAK_IMPORT"
  [[ -n ${KEYCLOAK_STARTED:-} ]] && info "Keycloak ready in $(since "$KEYCLOAK_STARTED")"
  return 0
}

demo_org() { echo "${PASSERELLE_ORG:-demo}"; }

# The demo agents' logins and passwords, as up prints them.
keycloak_print_agents() {
  local org role login pw_var
  org=$(demo_org)
  echo "  Espace agent : http://127.0.0.1:8085 — comptes de démonstration (Keycloak $KEYCLOAK_URL, mots de passe aussi dans ${SECRETS#"$ROOT"/}) :"
  for role in contributor:contributeur publisher:publieur admin:administrateur ops:exploitant; do
    login=${role#*:}
    [[ $login != exploitant ]] && login+="@$org"
    pw_var="PASSERELLE_DEMO_PASSWORD_${role%%:*}" pw_var=${pw_var^^}
    printf '    %-12s %-28s %s\n' "${role%%:*}" "$login" "${!pw_var}"
  done
}
