#!/bin/sh
# Runs rabbitmqctl against a node started by scripts/rabbitmq-start.sh: scripts/rabbitmq-ctl.sh DIR COMMAND [ARGS…]
set -eu
DIR="${1:?usage: rabbitmq-ctl.sh DIR COMMAND [ARGS...]}"
shift
. "$DIR/env"
BIN=/usr/lib/rabbitmq/bin
[ -x "$BIN/rabbitmqctl" ] || BIN="$(dirname "$(command -v rabbitmqctl)")"
exec "$BIN/rabbitmqctl" -n "$RABBITMQ_NODENAME" "$@"
