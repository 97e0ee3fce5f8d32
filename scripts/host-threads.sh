#!/bin/bash
# Context switches (voluntary, involuntary) and CPU ticks per second of the bench host's threads, by thread name,
# over 3 s in the middle of an 8 s `grokflow bench` step.
# usage: scripts/host-threads.sh BINARY MODE RATE [bench options...]
set -u
BIN=$1; MODE=$2; RATE=$3; shift 3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
timeout 90 "$BIN" bench --mode "$MODE" --rates "$RATE" --duration 8 "$@" > "$work/bench.txt" 2>&1 &
P=""
for _ in $(seq 50); do P=$(pgrep -f "grokflow run --Datadog:ApiKey=bench" | head -1); [ -n "$P" ] && break; sleep 0.2; done
[ -n "$P" ] || { echo "no bench host found" >&2; exit 1; }
sleep 3
snap() { for t in /proc/$P/task/*; do echo "$(tr ' ' _ < "$t/comm") $(awk '/^voluntary/{v=$2}/^nonvoluntary/{n=$2}END{print v, n}' "$t/status") $(sed "s/.*) //" "$t/stat" | awk '{print $12+$13}')"; done; }
snap > "$work/c1"; sleep 3; snap > "$work/c2"
paste "$work/c1" "$work/c2" | awk '{dv=($6-$2)/3; dn=($7-$3)/3; dt=($8-$4)/3; if (dv+dn>5 || dt>0) {k=$1; V[k]+=dv; N[k]+=dn; T[k]+=dt; C[k]++}} END{for (k in V) printf "%-24s threads %2d  vol/s %8.0f  invol/s %7.0f  cpu ticks/s %5.1f\n", k, C[k], V[k], N[k], T[k]}' | sort
wait
grep -E '^ +[0-9]+,' "$work/bench.txt"
