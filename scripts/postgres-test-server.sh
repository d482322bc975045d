#!/usr/bin/env bash
# A private PostgreSQL server for the ledger tests, from Debian's `postgresql` package.
#
#   scripts/postgres-test-server.sh start          start it (or reuse the running one); prints its URL
#   scripts/postgres-test-server.sh url            prints the running server's URL
#   scripts/postgres-test-server.sh ca             prints the path of the CA certificate it trusts for TLS
#   scripts/postgres-test-server.sh stop           stops it and deletes its data; safe to run any time
#   scripts/postgres-test-server.sh pause          stops the server but keeps its data (an outage)
#   scripts/postgres-test-server.sh resume         starts the paused server again
#   scripts/postgres-test-server.sh run CMD ARGS…  starts it, runs CMD with TRACESTATION_TEST_POSTGRES_URL
#                                                  and TRACESTATION_TEST_POSTGRES_CA set, and stops it
#                                                  afterwards whatever CMD's outcome
#
# The server keeps its data in a temporary folder, listens on a free loopback port only, and
# is thrown away by `stop`: the tests make a database of their own each, so nothing in it is
# worth keeping. Durability is switched off (fsync, full-page writes), since a crash loses
# nothing a test needs. initdb refuses to run as root, so as root the server runs as the
# `postgres` system user that Debian's package creates.
#
# The server accepts TLS as well as plain connections: at start it makes a throwaway CA and a
# server certificate for 127.0.0.1 and localhost (EC P-256 keys, so it stays fast), and the
# CA's certificate is what a client trusts with sslrootcert.
#
# The URL is also written to .build/postgres-test-server/url, and the CA's certificate to
# .build/postgres-test-server/ca.pem, where the tests look when the environment variables are
# not set (a developer running `swift test` by hand after `start`).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state="$repo/.build/postgres-test-server"
database=tracestation_test
user=tracestation

fail() {
  echo "postgres-test-server: $*" >&2
  exit 1
}

# Debian's server binaries; PostgreSQL 15 on Debian 12, else the newest installed.
pg_bin() {
  local bin="${PG_BIN:-}"
  if [ -z "$bin" ]; then
    if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then
      bin=/usr/lib/postgresql/15/bin
    else
      bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
  fi
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] ||
    fail "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin; install Debian's postgresql package (make deps does)"
  echo "$bin"
}

# Runs a server binary as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    getent passwd postgres >/dev/null || fail "no postgres system user; install Debian's postgresql package (make deps does)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_running() {
  [ -f "$state/data-folder" ] && [ -f "$state/url" ] || return 1
  as_owner "$(pg_bin)/pg_ctl" status -D "$(cat "$state/data-folder")/data" >/dev/null 2>&1
}

# A throwaway CA and a server certificate signed by it, valid for two days, in folder $1.
make_certificates() {
  local folder="$1" ec=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes)
  command -v openssl >/dev/null || fail "no openssl; install Debian's openssl package (make deps does)"
  {
    openssl req -x509 "${ec[@]}" -days 2 -subj "/CN=TraceStation test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$folder/ca.key" -out "$folder/ca.pem" &&
      openssl req "${ec[@]}" -subj "/CN=localhost" -keyout "$folder/server.key" -out "$folder/server.csr" &&
      printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' >"$folder/server.ext" &&
      openssl x509 -req -in "$folder/server.csr" -CA "$folder/ca.pem" -CAkey "$folder/ca.key" -CAcreateserial -days 2 \
        -extfile "$folder/server.ext" -out "$folder/server.pem"
  } >"$folder/openssl.log" 2>&1 || fail "could not make the test certificates; see $folder/openssl.log"
  chmod 600 "$folder/server.key"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  if is_running; then
    cat "$state/url"
    return
  fi
  stop >/dev/null
  local bin folder port password
  bin="$(pg_bin)"
  mkdir -p "$state"
  folder="$(mktemp -d "${TMPDIR:-/tmp}/tracestation-postgres.XXXXXX")"
  echo "$folder" >"$state/data-folder"
  password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  echo "$password" >"$folder/password"
  make_certificates "$folder"
  cp "$folder/ca.pem" "$state/ca.pem"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$folder"
  chmod 700 "$folder"

  # Password authentication over TCP, as a plant's server would ask; the socket only in the folder.
  as_owner "$bin/initdb" -D "$folder/data" -U "$user" --pwfile="$folder/password" --auth-host=scram-sha-256 \
    --auth-local=trust -E UTF8 --locale=C >"$folder/initdb.log" 2>&1 ||
    fail "initdb failed; see $folder/initdb.log: $(tail -n 3 "$folder/initdb.log")"

  port="${TRACESTATION_TEST_POSTGRES_PORT:-$(free_port)}"
  echo "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$folder -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200 -c ssl=on -c ssl_cert_file=$folder/server.pem -c ssl_key_file=$folder/server.key" \
    >"$state/server-options"
  run_server

  as_owner "$bin/createdb" -h "$folder" -p "$port" -U "$user" "$database" ||
    fail "could not create database $database; see $folder/server.log"
  echo "postgres://$user:$password@127.0.0.1:$port/$database?sslmode=disable" >"$state/url"
  cat "$state/url"
}

# Starts the set-up server (again) with the options `start` chose.
run_server() {
  local folder
  folder="$(cat "$state/data-folder")"
  as_owner "$(pg_bin)/pg_ctl" start -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "$(cat "$state/server-options")" \
    >/dev/null || fail "the server did not start; see $folder/server.log: $(tail -n 3 "$folder/server.log" 2>/dev/null)"
}

# Stops the server and keeps its data, as an outage would; `resume` starts it again.
pause() {
  is_running || fail "not running; start it with: $0 start"
  as_owner "$(pg_bin)/pg_ctl" stop -D "$(cat "$state/data-folder")/data" -m fast -w >/dev/null
  echo "postgres-test-server: paused"
}

resume() {
  [ -f "$state/server-options" ] || fail "no server was set up; start it with: $0 start"
  is_running || run_server
  echo "postgres-test-server: running"
}

stop() {
  [ -f "$state/data-folder" ] || { rm -rf "$state"; return 0; }
  local folder
  folder="$(cat "$state/data-folder")"
  if [ -d "$folder/data" ]; then
    as_owner "$(pg_bin)/pg_ctl" stop -D "$folder/data" -m fast -w >/dev/null 2>&1 ||
      as_owner "$(pg_bin)/pg_ctl" stop -D "$folder/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  case "$folder" in
    "${TMPDIR:-/tmp}"/tracestation-postgres.*) rm -rf "$folder" ;;
  esac
  rm -rf "$state"
  echo "postgres-test-server: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) is_running || fail "not running; start it with: $0 start"; cat "$state/url" ;;
  ca) is_running || fail "not running; start it with: $0 start"; echo "$state/ca.pem" ;;
  pause) pause ;;
  resume) resume ;;
  run)
    shift
    [ $# -gt 0 ] || fail "usage: $0 run COMMAND [ARGS…]"
    trap stop EXIT
    trap 'exit 130' INT TERM
    TRACESTATION_TEST_POSTGRES_URL="$(start)"
    TRACESTATION_TEST_POSTGRES_CA="$state/ca.pem"
    # How a command pauses and resumes this server (the plant bench's outage).
    TRACESTATION_TEST_POSTGRES_CONTROL="$repo/scripts/postgres-test-server.sh"
    export TRACESTATION_TEST_POSTGRES_URL TRACESTATION_TEST_POSTGRES_CA TRACESTATION_TEST_POSTGRES_CONTROL
    "$@"
    ;;
  *) fail "usage: $0 start|stop|url|ca|pause|resume|run COMMAND [ARGS…]" ;;
esac
