#!/bin/sh
# The image's entrypoint: `serve` upgrades the database schema first (a production start refuses
# a schema behind the code), then serves; anything else runs as given. It never ingests: the
# knowledge base is loaded by the one-shot `ingest` service (compose.yaml) or by hand.
set -eu
if [ "${1:-serve}" = "serve" ]; then
    [ "$#" -gt 0 ] && shift
    opencounter db upgrade
    exec opencounter serve --host 0.0.0.0 --port "${OPENCOUNTER_PORT:-8000}" "$@"
fi
exec "$@"
