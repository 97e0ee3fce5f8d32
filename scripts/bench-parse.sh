#!/usr/bin/env bash
# Whole-process comparison: `grokflow parse` (generated qnap parser) against liblognorm's `lognormalizer` with the
# equivalent rulebase, on the same QNAP corpus. Reports wall and CPU (user+sys) time and their ratios.
# Method and recorded numbers: docs/benchmarks.md.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/bench-parse.sh [--lines N] [--runs N] [--work DIR] [--no-build]

Generates a QNAP corpus (shared/bench/gen_qnap.py), builds grokflow in Release, then times
  grokflow parse --pipeline qnap --input FILE > /dev/null
  lognormalizer -r tests/GrokFlow.Benchmarks/Qnap/qnap.lognorm.rulebase -e json < FILE > /dev/null
with hyperfine (installed from Debian when missing; /usr/bin/time is the fallback), and prints mean wall,
user and system times, lines/s, and the lognormalizer/grokflow ratios. The machine load (uptime) is printed
before and after: on a shared machine wall time is mostly waiting for a core, CPU time is the steadier figure.

  --lines N    corpus lines (default 1000000)
  --runs N     timed runs of each command (default 5; one warm-up run each is not counted)
  --work DIR   where the corpus and hyperfine.json go, kept (default: a temporary folder, removed at the end)
  --no-build   use the grokflow already built in runtime/bin/Release/net10.0
  -h, --help   this text

Also timed: grokflow on an empty input (its fixed start-up cost).
EOF
}

lines=1000000
runs=5
work=""
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-parse: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
shared="$root/../shared"; [ -d "$shared" ] || shared=/work/shared
generator="$shared/bench/gen_qnap.py"
rulebase="$root/tests/GrokFlow.Benchmarks/Qnap/qnap.lognorm.rulebase"
grokflow="$root/runtime/bin/Release/net10.0/grokflow"
[ -f "$generator" ] || { echo "bench-parse: corpus generator not found at $generator" >&2; exit 1; }

./scripts/setup.sh   # lognormalizer
if ! command -v hyperfine >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends hyperfine >/dev/null 2>&1 ||
    echo "bench-parse: hyperfine not installable, falling back to /usr/bin/time" >&2
fi

work_given=1
if [ -z "$work" ]; then
  work_given=0
  work="$(mktemp -d /tmp/grokflow-bench-parse.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
corpus="$work/qnap.log"
echo "== machine"
echo "cores: $(nproc); load before: $(uptime)"

echo "== corpus: $lines lines -> $corpus"
python3 "$generator" -n "$lines" -o "$corpus"
echo "$(wc -c < "$corpus") bytes"

if [ "$build" -eq 1 ]; then
  echo "== build: dotnet build runtime -c Release"
  dotnet build runtime/GrokFlow.Runtime.csproj -c Release -v quiet -nologo 2>&1 | tail -2
fi
[ -x "$grokflow" ] || { echo "bench-parse: $grokflow not built" >&2; exit 1; }

echo "== what each parses (one untimed run each; outputs counted, not kept)"
"$grokflow" parse --pipeline qnap --input "$corpus" 2>&1 >/dev/null | tail -1
lognorm_lines=0; lognorm_unparsed=0
read -r lognorm_lines lognorm_unparsed < <(lognormalizer -r "$rulebase" -e json < "$corpus" |
  awk '{ n++ } /"unparsed-data"/ { u++ } END { print n + 0, u + 0 }')
echo "lognormalizer: $lognorm_lines lines, $((lognorm_lines - lognorm_unparsed)) parsed, $lognorm_unparsed unparsed"

grokflow_cmd="$grokflow parse --pipeline qnap --input $corpus > /dev/null 2>&1"
lognorm_cmd="lognormalizer -r $rulebase -e json < $corpus > /dev/null"

echo "== timing: $runs runs each"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" \
    -n grokflow "$grokflow_cmd" -n lognormalizer "$lognorm_cmd" \
    -n "grokflow, empty input" "$grokflow parse --pipeline qnap --input /dev/null > /dev/null 2>&1"
  python3 - "$work/hyperfine.json" "$lines" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
lines = int(sys.argv[2])
def row(name):
    r = results[name]
    wall, user, system = r["mean"], r["user"], r["system"]
    return wall, user, system, user + system
print(f"{'command':<14} {'wall s':>8} {'user s':>8} {'sys s':>8} {'CPU s':>8} {'lines/s wall':>13} {'lines/s CPU':>12}")
rows = {name: row(name) for name in ("grokflow", "lognormalizer")}
for name, (wall, user, system, cpu) in rows.items():
    print(f"{name:<14} {wall:8.2f} {user:8.2f} {system:8.2f} {cpu:8.2f} {lines / wall:13,.0f} {lines / cpu:12,.0f}")
wall, user, system, cpu = row("grokflow, empty input")
print(f"grokflow startup (empty input): wall {wall:.2f} s, CPU {cpu:.2f} s")
g, l = rows["grokflow"], rows["lognormalizer"]
print(f"lognormalizer / grokflow: wall {l[0] / g[0]:.2f}x, CPU {l[3] / g[3]:.2f}x (above 1: grokflow is faster)")
EOF
else
  for name in grokflow lognormalizer; do
    cmd="$grokflow_cmd"; [ "$name" = lognormalizer ] && cmd="$lognorm_cmd"
    sh -c "$cmd"   # warm-up
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "$name %e %U %S" -a -o "$work/time.txt" sh -c "$cmd"
    done
  done
  awk -v lines="$lines" '
    { wall[$1] += $2; cpu[$1] += $3 + $4; n[$1]++ }
    END {
      for (k in n) printf "%-14s wall %.2f s, CPU %.2f s, %d lines/s wall, %d lines/s CPU\n", k, wall[k]/n[k], cpu[k]/n[k], lines/(wall[k]/n[k]), lines/(cpu[k]/n[k])
      printf "lognormalizer / grokflow: wall %.2fx, CPU %.2fx\n", (wall["lognormalizer"]/n["lognormalizer"])/(wall["grokflow"]/n["grokflow"]), (cpu["lognormalizer"]/n["lognormalizer"])/(cpu["grokflow"]/n["grokflow"])
    }' "$work/time.txt"
fi
echo "load after: $(uptime)"
[ "$work_given" -eq 1 ] && echo "corpus and results kept in $work"
exit 0
