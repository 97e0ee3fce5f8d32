#!/usr/bin/env bash
# Builds everything and runs every test, then checks the Native AOT build against the JIT one (scripts/check-aot.sh); ends with the totals as "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export SNAPSHOOTER_STRICT_MODE="${SNAPSHOOTER_STRICT_MODE:-true}"
log=$(mktemp)
tests_log=$(mktemp)
dotnet build Rules.sln -c Release 2>&1 | tail -3
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then dotnet build Rules.sln -c Release 2>&1 | grep -E 'error' | sort -u | head -50; echo "0 passed, 1 failed"; exit 1; fi
dotnet test --solution Rules.sln -c Release --no-build 2>&1 | tee "$tests_log"
status=${PIPESTATUS[0]}
passed=$(grep -oE 'succeeded: [0-9]+' "$tests_log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'failed: [0-9]+' "$tests_log" | awk '{s+=$2} END {print s+0}')
# The shipped build is Native AOT: every command must behave exactly as in the JIT build the tests above ran.
./scripts/check-aot.sh 2>&1 | tee "$log"
aot_status=${PIPESTATUS[0]}
[ "$aot_status" -ne 0 ] && status=$aot_status
read -r aot_passed aot_failed < <(sed -nE 's/^aot check: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' "$log" | tail -1)
passed=$((passed + ${aot_passed:-0}))
failed=$((failed + ${aot_failed:-1}))
# CI keeps only the end of the output: name the failed tests again here, with their first assertion line.
if [ "$failed" -ne 0 ]; then grep -A3 -E '^failed ' "$tests_log" | grep -vE '^\s+from ' | head -40; fi
echo "$passed passed, $failed failed"
exit "$status"
