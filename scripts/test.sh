#!/usr/bin/env bash
# Builds everything and runs every test; ends with the totals as "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"
log=$(mktemp)
dotnet build Rules.sln -c Release 2>&1 | tail -3
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then dotnet build Rules.sln -c Release 2>&1 | grep -E 'error' | sort -u | head -50; echo "0 passed, 1 failed"; exit 1; fi
dotnet test --solution Rules.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed"
exit "$status"
