#!/usr/bin/env bash
# Sets up a fresh Debian machine (apt peers used by tests and the load command) and runs the grokflow host (its Native AOT build).
# Without DD_API_KEY the host prints every event as a JSON line on stdout. Extra arguments go to `grokflow run`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/publish.sh   # setup.sh, then the Native AOT build
exec runtime/bin/Release/aot/grokflow run "$@"
