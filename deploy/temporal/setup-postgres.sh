#!/bin/sh
# Creates Temporal's persistence and visibility databases and brings both schemas to the version shipped with
# the admin-tools image (the postgres12 plugin), as temporalio/samples-server compose/scripts/setup-postgres.sh
# does. Safe to re-run on every `docker compose up`: `create` ignores an existing database, `setup-schema -v 0.0`
# only adds the version tables, and `update-schema` applies only the missing versions.
set -eu

: "${POSTGRES_SEEDS:?POSTGRES_SEEDS (PostgreSQL host) is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}" # read by temporal-sql-tool itself

DB_PORT="${DB_PORT:-5432}"
SCHEMA_DIR=/etc/temporal/schema/postgresql/v12

sql_tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

setup_database() {
  database="$1"
  schema="$2"
  echo "setting up Temporal database $database"
  sql_tool --db "$database" create
  sql_tool --db "$database" setup-schema -v 0.0
  sql_tool --db "$database" update-schema -d "$SCHEMA_DIR/$schema/versioned"
}

setup_database "${DBNAME:-temporal}" temporal
setup_database "${VISIBILITY_DBNAME:-temporal_visibility}" visibility
echo "Temporal schema setup complete"
