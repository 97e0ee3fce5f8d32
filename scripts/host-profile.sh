#!/bin/bash
# perf profile of the bench host's process for 4 s in the middle of an 8 s `grokflow bench` step.
# usage: [PERFARGS=-g] scripts/host-profile.sh BINARY MODE RATE OUT_PREFIX [bench options...]
# writes OUT_PREFIX.data (perf report -i it; the AOT binary's symbols are in grokflow.dbg) and OUT_PREFIX.txt
set -u
BIN=$1; MODE=$2; RATE=$3; OUT=$4; shift 4
timeout 90 "$BIN" bench --mode "$MODE" --rates "$RATE" --duration 8 "$@" > "$OUT.txt" 2>&1 &
P=""
for _ in $(seq 50); do P=$(pgrep -f "grokflow run --Datadog:ApiKey=bench" | head -1); [ -n "$P" ] && break; sleep 0.2; done
[ -n "$P" ] || { echo "no bench host found" >&2; exit 1; }
sleep 3
# shellcheck disable=SC2086 # PERFARGS are words on purpose
perf record ${PERFARGS:-} -F 2999 -p "$P" -o "$OUT.data" -- sleep 4 > /dev/null 2>&1
wait
