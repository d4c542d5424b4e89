#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for tests and CI, idempotently, and prints its DATABASE_URL
# on stdout (progress goes to stderr):
#   export DATABASE_URL="$(bash scripts/start-test-postgres.sh)"
# With --fresh, the database is dropped (closing its connections) and created empty.
# Needs Debian's postgresql package (apt-get install -y postgresql). As root, the cluster runs as
# the postgres user (PostgreSQL refuses to run as root); otherwise as the current user.
# Settings: PGDATA (default /tmp/pgdata), PGPORT (54329), PG_DB_USER/PG_DB_PASSWORD/PG_DB_NAME (lantoa).
set -euo pipefail

PGDATA="${PGDATA:-/tmp/pgdata}"
PGPORT="${PGPORT:-54329}"
SOCKET_DIR="${PG_SOCKET_DIR:-/tmp}"
DB_USER="${PG_DB_USER:-lantoa}"
DB_PASSWORD="${PG_DB_PASSWORD:-lantoa}"
DB_NAME="${PG_DB_NAME:-lantoa}"

BIN_DIR="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [[ -z "$BIN_DIR" || ! -x "$BIN_DIR/initdb" ]]; then
  echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2
  exit 1
fi

# Run a command as the cluster's owner.
if [[ "$(id -u)" == 0 ]]; then
  OWNER=postgres
  as_owner() { runuser -u "$OWNER" -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  echo "initdb into $PGDATA" >&2
  mkdir -p "$PGDATA"
  chown "$OWNER" "$PGDATA"
  chmod 700 "$PGDATA"
  # Local socket connections trust the OS user (for this script); TCP needs the password.
  as_owner "$BIN_DIR/initdb" -D "$PGDATA" -U "$OWNER" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >&2
fi

if ! as_owner "$BIN_DIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  echo "starting PostgreSQL on 127.0.0.1:$PGPORT" >&2
  as_owner "$BIN_DIR/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
    -o "-p $PGPORT -k $SOCKET_DIR -c listen_addresses=127.0.0.1" start >&2
fi

psql_admin() { as_owner "$BIN_DIR/psql" -h "$SOCKET_DIR" -p "$PGPORT" -U "$OWNER" -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# CREATEDB: `prisma migrate dev` creates and drops a throw-away shadow database.
if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]]; then
  psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" >&2
fi
# DROP DATABASE … WITH (FORCE) of a test database must also stop an autovacuum worker busy in it.
psql_admin -c "SET client_min_messages = warning" -c "GRANT pg_signal_backend TO \"$DB_USER\"" >&2
if [[ "${1:-}" == --fresh ]]; then
  psql_admin -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >&2
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
  psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >&2
fi

echo "postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PGPORT/$DB_NAME"
