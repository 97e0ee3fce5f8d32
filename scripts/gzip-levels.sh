#!/usr/bin/env bash
# CPU and gzip bytes per event of ISA-L's levels 0-3 (and level 1's buffer sizes) on the events `grokflow bench`
# makes: captures about 70,000 NetFlow flows and 70,000 QNAP syslog lines as JSON lines (the host writing to a file
# instead of the intake), then compresses them as the host does. The figures in docs/host.md ("Line rate") came from
# it. Needs gcc and libisal-dev (apt-get install gcc libisal-dev) and the AOT binary (scripts/publish.sh).
#   scripts/gzip-levels.sh [path/to/grokflow]
set -euo pipefail
cd "$(dirname "$0")/.."
grokflow=${1:-runtime/bin/Release/aot/grokflow}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/gzip-levels" scripts/gzip-levels.c -lisal
for mode in netflow syslog; do
  "$grokflow" bench --mode "$mode" --rates 50000 --duration 1 --Datadog:ApiKey= --Output:Path="$work/$mode.jsonl" > /dev/null 2>&1 || true
  echo "$mode (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  # Level-buffer sizes: ISAL_DEF_LVL0_DEFAULT, LVL1 SMALL / DEFAULT (the host's) / EXTRA_LARGE, LVL2_DEFAULT, LVL3_DEFAULT.
  for setting in "0 0" "1 86016" "1 282624" "1 544768" "2 331776" "3 348160"; do
    "$work/gzip-levels" "$work/$mode.jsonl" $setting
  done
done
