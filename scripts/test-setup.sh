#!/usr/bin/env bash
# What `npm test` needs on a Debian machine, installed and started (as root): Chromium for the
# browser tests, nginx for the two-instance test, and a PostgreSQL cluster with the role the
# integration suite uses (traffic_cop / traffic_cop, CREATEDB). Safe to run again.
# Prints the cluster's TEST_POSTGRES_URL on its last line, and "started" before it when it had to
# start the cluster (npm test then stops it again at the end).
set -euo pipefail

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/test-setup.sh installs Debian packages: run it as root on Debian (sudo bash scripts/test-setup.sh)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)…" >&2
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The package creates and starts a cluster where it can; a container may leave it missing or down.
if [ -z "$(pg_lsclusters --no-header)" ]; then
  pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main >/dev/null
fi
read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
if [[ "$pg_status" != online* ]]; then
  pg_ctlcluster "$pg_version" "$pg_cluster" start >&2
  echo "started $pg_version $pg_cluster"
fi
# Debian's cluster listens on localhost only and wants a password over TCP. The role creates one
# database per integration test file (test/support/temp-database.ts) and drops it afterwards.
(cd / && runuser -u postgres -- psql --port "$pg_port" --quiet --no-psqlrc -v ON_ERROR_STOP=1) >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'traffic_cop') THEN
    CREATE ROLE traffic_cop LOGIN CREATEDB PASSWORD 'traffic_cop';
  ELSE
    ALTER ROLE traffic_cop LOGIN CREATEDB PASSWORD 'traffic_cop';
  END IF;
END $$;
SQL
echo "postgres://traffic_cop:traffic_cop@127.0.0.1:${pg_port}/postgres"
