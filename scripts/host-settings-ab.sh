#!/bin/bash
# Alternated `grokflow bench` runs of one binary with two sets of host settings (order reversed every other round).
# usage: scripts/host-settings-ab.sh ROUNDS BINARY MODE RATES "HOST_SETTINGS_A" "HOST_SETTINGS_B"
set -u
R=$1; BIN=$2; MODE=$3; RATES=$4; A="$5"; B="$6"
for r in $(seq "$R"); do
  if [ $((r % 2)) = 1 ]; then order="A B"; else order="B A"; fi
  for t in $order; do
    if [ $t = A ]; then extra="$A"; else extra="$B"; fi
    # shellcheck disable=SC2086 # the settings are words on purpose
    out=$("$BIN" bench --mode "$MODE" --rates "$RATES" --duration 6 -- $extra 2>&1)
    echo "$out" | awk -v t=$t -v l="$(cut -d' ' -f1-3 /proc/loadavg)" '/^ *[0-9]+,[0-9]+ /{print t, l, $0}'
  done
done
