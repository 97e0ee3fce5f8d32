#!/usr/bin/env bash
# Sets up a fresh Debian machine (apt peers used by tests and the load command) and runs the grokflow host.
# Without DD_API_KEY the host prints every event as a JSON line on stdout. Extra arguments go to `grokflow run`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
dotnet build runtime -c Release -v quiet -nologo
exec dotnet runtime/bin/Release/net10.0/grokflow.dll run "$@"
