#!/bin/sh
# Starts a throwaway RabbitMQ node on 127.0.0.1 for the simulator's fidelity suite, without systemd.
# Usage: scripts/rabbitmq-start.sh [PORT] [DIR]   (defaults: 5679, a fresh mktemp dir)
# Prints "DIR PORT NODENAME" on its last line once the node is up; scripts/rabbitmq-stop.sh DIR stops it.
# Everything (cookie, mnesia, logs, config) lives in DIR, so it needs no root and touches no system state.
set -eu
PORT="${1:-5679}"
DIR="${2:-$(mktemp -d /tmp/mqlab-rabbit.XXXXXX)}"
BIN=/usr/lib/rabbitmq/bin
[ -x "$BIN/rabbitmq-server" ] || BIN="$(dirname "$(command -v rabbitmq-server)")"
NODE="mqlab${PORT}@localhost"
mkdir -p "$DIR/mnesia" "$DIR/log"
[ -f "$DIR/.erlang.cookie" ] || { printf 'MQLABFIDELITY%s' "$PORT" > "$DIR/.erlang.cookie"; chmod 400 "$DIR/.erlang.cookie"; }
# consumer_timeout is left at its default; the suite needs nothing else changed.
printf '[].\n' > "$DIR/enabled_plugins"
printf 'loopback_users.guest = false\n' > "$DIR/rabbitmq.conf"
cat > "$DIR/env" <<ENV
export HOME='$DIR'
export RABBITMQ_NODENAME='$NODE'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT='$PORT'
export RABBITMQ_DIST_PORT='$((PORT + 20000))'
export RABBITMQ_MNESIA_BASE='$DIR/mnesia'
export RABBITMQ_LOG_BASE='$DIR/log'
export RABBITMQ_ENABLED_PLUGINS_FILE='$DIR/enabled_plugins'
export RABBITMQ_CONFIG_FILE='$DIR/rabbitmq.conf'
export RABBITMQ_PID_FILE='$DIR/pid'
export ERL_EPMD_ADDRESS=127.0.0.1
ENV
. "$DIR/env"
nohup "$BIN/rabbitmq-server" > "$DIR/log/stdout" 2>&1 &
# `wait PIDFILE` first waits for the pid file, then for the broker app (await_startup fails fast if the
# node has not registered with epmd yet).
"$BIN/rabbitmqctl" -n "$NODE" wait "$DIR/pid" --timeout 90 > "$DIR/log/await" 2>&1 || {
  echo "rabbitmq-start: the node did not start; last log lines:" >&2
  tail -n 30 "$DIR/log/stdout" >&2
  exit 1
}
echo "$DIR $PORT $NODE"
