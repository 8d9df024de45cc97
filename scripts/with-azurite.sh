#!/usr/bin/env bash
# Runs a command with the media in a throwaway Azurite (Microsoft's Azure Storage
# emulator, npm: package.json) on loopback, then stops it and removes its files.
# Exports AZURE_STORAGE_CONNECTION_STRING (Azurite's well-known development account)
# and AZURE_CONTAINER; it creates no container: `manage.py setup_media_storage` does,
# as on a real deploy. Usage: scripts/with-azurite.sh CMD [ARGS...]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
azurite=$root/node_modules/.bin/azurite-blob
if [ ! -x "$azurite" ]; then
    if ! command -v npm >/dev/null; then
        echo "Azurite needs Node with npm: sudo apt-get install npm" >&2
        exit 1
    fi
    # Without install scripts: vnu-jar's would download a JDK of its own.
    (cd "$root" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
fi

port=${TEST_AZURITE_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
workdir=$(mktemp -d /tmp/innovasjon-azurite.XXXXXX)
"$azurite" --blobHost 127.0.0.1 --blobPort "$port" --location "$workdir" \
    --silent --loose --skipApiVersionCheck --disableTelemetry >"$workdir/azurite.log" 2>&1 &
azurite_pid=$!
cleanup() {
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
    rm -rf "$workdir"
}
trap cleanup EXIT

# Ready when it answers HTTP at all (403: the request was not signed).
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/devstoreaccount1?comp=list" && break
    if ! kill -0 "$azurite_pid" 2>/dev/null; then
        cat "$workdir/azurite.log" >&2
        exit 1
    fi
    sleep 0.1
done

echo "Azurite $("$azurite" --version) (blob) on 127.0.0.1:$port"
# Azurite's published development account and key (the same in every Azurite).
account=devstoreaccount1
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/$account;" \
    AZURE_CONTAINER=${AZURE_CONTAINER:-innovasjon-media} "$@"
