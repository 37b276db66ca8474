# shellcheck shell=bash
# Starts a throwaway PostgreSQL server for the test suite and exports TEST_POSTGRES_URL.
#
# SOURCE this file, don't run it:   source scripts/test-postgres.sh
# (scripts/test does). It then
#   - finds the server binaries (pg_config --bindir, /usr/lib/postgresql/*/bin, or initdb on PATH);
#   - creates a cluster in a temp dir (as the "postgres" user when run as root: initdb refuses root),
#     trust auth, fsync off, listening on a free port on 127.0.0.1 only, sockets in the temp dir;
#   - creates the database lokusbot_test and exports
#       TEST_POSTGRES_URL=postgresql+psycopg://USER@127.0.0.1:PORT/lokusbot_test
#   - stops the server and deletes the dir when the sourcing shell exits (EXIT trap, chained with any
#     earlier one), or earlier if you call lokus_pg_stop.
# If TEST_POSTGRES_URL is already set it is used as it is and nothing is started.
# Without the binaries it prints a note to stderr and leaves TEST_POSTGRES_URL unset (the PostgreSQL
# tests then skip) - unless CI=true, where it fails (returns 1) with a clear message.
# On Debian/Ubuntu the binaries come from: apt-get install postgresql

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "scripts/test-postgres.sh must be sourced: source scripts/test-postgres.sh" >&2
  exit 2
fi

# The directory holding initdb, pg_ctl and postgres, or nothing.
_lokus_pg_find_bindir() {
  local candidates=() dir
  if command -v pg_config >/dev/null 2>&1; then
    candidates+=("$(pg_config --bindir 2>/dev/null)")
  fi
  while IFS= read -r dir; do
    candidates+=("$dir")
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -rV)
  if command -v initdb >/dev/null 2>&1; then
    candidates+=("$(dirname "$(readlink -f "$(command -v initdb)")")")
  fi
  for dir in "${candidates[@]}"; do
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a command as the cluster's owner (the postgres user when we are root), from the cluster's dir.
_lokus_pg_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    (cd "$_lokus_pg_dir" && runuser -u postgres -- "$@")
  else
    (cd "$_lokus_pg_dir" && "$@")
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
_lokus_pg_free_port() {
  local python
  for python in .venv/bin/python python3 python; do
    if command -v "$python" >/dev/null 2>&1; then
      "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
      return
    fi
  done
  echo $((20000 + RANDOM % 40000))
}

# Complains: fails (returns 1) under CI=true, otherwise only warns (returns 0, PostgreSQL tests skip).
_lokus_pg_unavailable() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "test-postgres: ERROR: $1 - CI must test against PostgreSQL (install it: apt-get install postgresql)." >&2
    return 1
  fi
  echo "test-postgres: note: $1 - running without PostgreSQL; its tests will be skipped." >&2
  return 0
}

# Creates the temp dir and the cluster in it; sets _lokus_pg_dir, _lokus_pg_user.
_lokus_pg_init() {
  local bindir=$1
  _lokus_pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/lokusbot-pg.XXXXXX") || return 1
  _lokus_pg_user=$(id -un)
  if [[ "$(id -u)" == 0 ]]; then
    if ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
      echo "test-postgres: running as root needs the 'postgres' system user and runuser" >&2
      return 1
    fi
    chown postgres: "$_lokus_pg_dir" || return 1
    _lokus_pg_user=postgres
  fi
  _lokus_pg_as_owner "$bindir/initdb" -D "$_lokus_pg_dir/data" -U "$_lokus_pg_user" -A trust -E UTF8 \
    --no-locale --no-sync >"$_lokus_pg_dir/initdb.log" 2>&1 || {
    cat "$_lokus_pg_dir/initdb.log" >&2
    return 1
  }
}

# Starts the server on a free port (a few tries, in case a port is taken meanwhile); sets _lokus_pg_port.
_lokus_pg_start_server() {
  local bindir=$1 attempt options
  for attempt in 1 2 3; do
    _lokus_pg_port=$(_lokus_pg_free_port)
    options="-c listen_addresses=127.0.0.1 -p $_lokus_pg_port -k $_lokus_pg_dir"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if _lokus_pg_as_owner "$bindir/pg_ctl" -D "$_lokus_pg_dir/data" -l "$_lokus_pg_dir/server.log" \
      -o "$options" -w -t 30 start >/dev/null 2>&1; then
      return 0
    fi
    echo "test-postgres: start attempt $attempt on port $_lokus_pg_port failed" >&2
  done
  cat "$_lokus_pg_dir/server.log" >&2 2>/dev/null
  return 1
}

# Stops the server and removes its dir; safe to call more than once and never fails.
lokus_pg_stop() {
  if [[ -n "${_lokus_pg_dir:-}" && -d "$_lokus_pg_dir" ]]; then
    if [[ -f "$_lokus_pg_dir/data/postmaster.pid" ]]; then
      _lokus_pg_as_owner "$_lokus_pg_bindir/pg_ctl" -D "$_lokus_pg_dir/data" -m fast -w -t 20 stop \
        >/dev/null 2>&1 ||
        _lokus_pg_as_owner "$_lokus_pg_bindir/pg_ctl" -D "$_lokus_pg_dir/data" -m immediate stop \
          >/dev/null 2>&1 || true
    fi
    rm -rf "$_lokus_pg_dir" || true
  fi
  _lokus_pg_dir=""
  if [[ "${TEST_POSTGRES_URL:-}" == "${_lokus_pg_url:-}" ]]; then
    unset TEST_POSTGRES_URL
  fi
  return 0
}

# The EXIT trap: stop our server, then run whatever EXIT trap was there before.
_lokus_pg_on_exit() {
  lokus_pg_stop
  if [[ -n "${_lokus_pg_previous_trap:-}" ]]; then
    eval "$_lokus_pg_previous_trap" || true
  fi
}

# Makes sure the server goes away with this shell, keeping an EXIT trap set before us.
_lokus_pg_install_trap() {
  local previous
  previous=$(trap -p EXIT)
  if [[ -n "$previous" && "$previous" != *_lokus_pg_on_exit* ]]; then
    previous=${previous#trap -- }
    eval "_lokus_pg_previous_trap=${previous% EXIT}"
  fi
  trap _lokus_pg_on_exit EXIT
  if [[ $- != *i* ]]; then
    # A script killed by a signal would skip its EXIT trap without these; an interactive shell keeps Ctrl-C.
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM
  fi
}

# Finds, creates and starts the server and exports TEST_POSTGRES_URL; returns 1 only when CI must fail.
_lokus_pg_main() {
  if [[ -n "${TEST_POSTGRES_URL:-}" ]]; then
    echo "test-postgres: using the given TEST_POSTGRES_URL" >&2
    return 0
  fi
  _lokus_pg_bindir=$(_lokus_pg_find_bindir) || {
    _lokus_pg_unavailable "no PostgreSQL server binaries found (initdb, pg_ctl, postgres)"
    return
  }
  _lokus_pg_install_trap
  if ! _lokus_pg_init "$_lokus_pg_bindir" || ! _lokus_pg_start_server "$_lokus_pg_bindir"; then
    lokus_pg_stop
    _lokus_pg_unavailable "could not start PostgreSQL from $_lokus_pg_bindir"
    return
  fi
  if ! "$_lokus_pg_bindir/createdb" -w -h 127.0.0.1 -p "$_lokus_pg_port" -U "$_lokus_pg_user" lokusbot_test; then
    lokus_pg_stop
    _lokus_pg_unavailable "could not create the database lokusbot_test"
    return
  fi
  _lokus_pg_url="postgresql+psycopg://$_lokus_pg_user@127.0.0.1:$_lokus_pg_port/lokusbot_test"
  export TEST_POSTGRES_URL=$_lokus_pg_url
  echo "test-postgres: PostgreSQL $("$_lokus_pg_bindir/postgres" --version | awk '{print $3}')" \
    "on 127.0.0.1:$_lokus_pg_port (stopped when this shell exits)" >&2
}

if ! _lokus_pg_main; then
  return 1
fi
