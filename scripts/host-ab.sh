#!/bin/bash
# Alternated `grokflow bench` runs of two binaries (order reversed every other round); prints each step's line.
# usage: scripts/host-ab.sh ROUNDS BASE_BINARY NEW_BINARY MODE RATES [bench options...]
set -u
R=$1; A=$2; B=$3; MODE=$4; RATES=$5; shift 5
for r in $(seq "$R"); do
  if [ $((r % 2)) = 1 ]; then order="$A $B"; else order="$B $A"; fi
  for bin in $order; do
    tag=$([ "$bin" = "$A" ] && echo base || echo new)
    out=$("$bin" bench --mode "$MODE" --rates "$RATES" --duration 6 "$@" 2>&1)
    echo "$out" | awk -v t="$tag" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" '/^ *[0-9]+,[0-9]+ /{print t, l, $0}'
  done
done
