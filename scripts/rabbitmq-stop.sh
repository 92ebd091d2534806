#!/bin/sh
# Stops a node started by scripts/rabbitmq-start.sh and removes its directory: scripts/rabbitmq-stop.sh DIR
set -u
DIR="${1:?usage: rabbitmq-stop.sh DIR}"
[ -f "$DIR/env" ] || exit 0
. "$DIR/env"
BIN=/usr/lib/rabbitmq/bin
[ -x "$BIN/rabbitmqctl" ] || BIN="$(dirname "$(command -v rabbitmqctl)")"
"$BIN/rabbitmqctl" -n "$RABBITMQ_NODENAME" stop "$DIR/pid" > /dev/null 2>&1 || true
case "$DIR" in /tmp/mqlab-rabbit.*) rm -rf "$DIR" ;; esac
