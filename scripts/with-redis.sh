#!/usr/bin/env bash
# Runs a command with REDIS_URL pointing at a throwaway Redis on loopback (no
# persistence), then stops it. Usage: scripts/with-redis.sh CMD [ARGS...]
set -euo pipefail

if ! command -v redis-server >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Redis is not installed: sudo apt-get install redis-server" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

port=${TEST_REDIS_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
workdir=$(mktemp -d /tmp/innovasjon-redis.XXXXXX)
cleanup() {
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$workdir" --daemonize yes --logfile "$workdir/redis.log" >/dev/null
for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
done

echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port"
REDIS_URL="redis://127.0.0.1:$port/0" "$@"
