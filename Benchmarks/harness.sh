#!/usr/bin/env bash
# Harness throughput: 10,000 samples, every one persisted to SQLite, against nginx answering instantly on
# loopback, at 1, 64 and 256 connections; then the time to resume the finished run (zero model calls).
# Needs nginx (Debian: nginx-light) and ../shared/tools/instant-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18080}"
SAMPLES="${SAMPLES:-10000}"
SERVER=../shared/tools/instant-server.sh
swift build -c release --product systemcard-bench
BIN="$(swift build -c release --show-bin-path)/systemcard-bench"
"$SERVER" start "$PORT" >/dev/null
trap '"$SERVER" stop >/dev/null' EXIT
for connections in ${CONNECTIONS:-1 64 256}; do
  echo "== $connections connection(s)"
  "$BIN" harness --base-url "http://127.0.0.1:$PORT/v1" --samples "$SAMPLES" --connections "$connections"
done
