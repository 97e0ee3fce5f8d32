#!/usr/bin/env bash
# Whole-process comparison: `grokflow parse --pipeline qnap` against liblognorm's `lognormalizer` with the
# equivalent rulebase, on the same generated QNAP corpus, run alternately so that load changes hit both alike.
# For each: CPU seconds on one core (`taskset -c 0`), wall time on all cores, peak RSS, and the ratios.
# Method and recorded numbers: docs/benchmarks.md.
set -euo pipefail

usage() {
  cat <<'HELP'
Usage: scripts/bench-parse.sh [--lines N] [--runs N] [--variants LIST] [--work DIR] [--no-build]

Generates N QNAP lines (shared/bench/gen_qnap.py, seed 42), builds what the variants need, then, for each of
--runs rounds, runs every grokflow variant and lognormalizer one after another:
  taskset -c 0 COMMAND < corpus > /dev/null      (CPU seconds = user + sys, one core)
  COMMAND < corpus > /dev/null                   (wall seconds, all cores; peak RSS)
and prints the median of each figure with the ratio lognormalizer / grokflow (above 1: grokflow is faster),
then grokflow's start-up: `parse` on empty input and `--help`, wall time and peak RSS (median of 10).

  --lines N       corpus lines (default 1000000)
  --runs N        rounds (default 3)
  --variants L    comma-separated grokflow builds/settings (default: aot). Known:
                    aot        Native AOT (scripts/publish.sh), what run.sh ships
                    jit        the JIT build, default settings (tiered compilation, Dynamic PGO)
                    jit-tc0    DOTNET_TieredCompilation=0
                    jit-pgo0   DOTNET_TieredPGO=0
                    jit-noqjl  DOTNET_TC_QuickJitForLoops=0 (methods with loops start fully optimised, no OSR)
                    r2r        ReadyToRun publish, default settings
                    r2r-tc0    ReadyToRun + DOTNET_TieredCompilation=0
                    r2r-pgo0   ReadyToRun + DOTNET_TieredPGO=0
                  or "all"
  --work DIR      keep the corpus and timings here (default: a temporary folder, removed at the end)
  --no-build      use the builds already there
  --pathological  instead: time the first variant on N lines of random bytes and N near-miss QNAP lines (one byte
                  of a real line changed, or the line cut short), one core, with the summary line (over-budget count)
  -h, --help      this text
HELP
}

lines=1000000
runs=3
variants=aot
work=""
build=1
pathological=0
while [ $# -gt 0 ]; do
  case "$1" in
    --lines) lines="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --variants) variants="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --pathological) pathological=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-parse: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ "$variants" = all ] && variants=aot,jit,jit-tc0,jit-pgo0,jit-noqjl,r2r,r2r-tc0,r2r-pgo0

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
shared="$root/../shared"; [ -d "$shared" ] || shared=/work/shared
generator="$shared/bench/gen_qnap.py"
rulebase="$root/tests/GrokFlow.Benchmarks/Qnap/qnap.lognorm.rulebase"
[ -f "$generator" ] || { echo "bench-parse: corpus generator not found at $generator" >&2; exit 1; }
./scripts/setup.sh   # lognormalizer, clang

work_given=1
if [ -z "$work" ]; then
  work_given=0
  work="$(mktemp -d /tmp/grokflow-bench-parse.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

# Each variant: the command prefix (environment + binary) that runs grokflow.
jit_bin="$root/runtime/bin/Release/net10.0/grokflow"
r2r_bin="$root/runtime/bin/Release/r2r/grokflow"
aot_bin="$root/runtime/bin/Release/aot/grokflow"
command_of() {
  case "$1" in
    aot) echo "$aot_bin" ;;
    jit) echo "$jit_bin" ;;
    jit-tc0) echo "env DOTNET_TieredCompilation=0 $jit_bin" ;;
    jit-pgo0) echo "env DOTNET_TieredPGO=0 $jit_bin" ;;
    jit-noqjl) echo "env DOTNET_TC_QuickJitForLoops=0 $jit_bin" ;;
    r2r) echo "$r2r_bin" ;;
    r2r-tc0) echo "env DOTNET_TieredCompilation=0 $r2r_bin" ;;
    r2r-pgo0) echo "env DOTNET_TieredPGO=0 $r2r_bin" ;;
    *) echo "bench-parse: unknown variant '$1' (see --help)" >&2; exit 2 ;;
  esac
}
IFS=, read -r -a variant_list <<< "$variants"
for v in "${variant_list[@]}"; do command_of "$v" >/dev/null; done

if [ "$build" -eq 1 ]; then
  echo "== build"
  case ",$variants," in *,aot,*) ./scripts/publish.sh ;; esac
  case ",$variants," in *,jit*) dotnet build runtime/GrokFlow.Runtime.csproj -c Release -v quiet -nologo | tail -2 ;; esac
  case ",$variants," in *,r2r*) dotnet publish runtime/GrokFlow.Runtime.csproj -c Release -p:PublishAot=false \
    -p:PublishReadyToRun=true --self-contained false -o runtime/bin/Release/r2r -v quiet -nologo | tail -2 ;; esac
fi

echo "== machine: $(nproc) cores; load before: $(uptime)"
corpus="$work/qnap.log"
python3 "$generator" -n "$lines" --seed 42 -o "$corpus"
echo "== corpus: $lines lines, $(wc -c < "$corpus") bytes -> $corpus"

if [ "$pathological" -eq 1 ]; then
  python3 - "$corpus" "$work/random.log" "$work/near-miss.log" <<'PY'
import random, sys
rng = random.Random(42)
lines = open(sys.argv[1], "rb").read().splitlines()
with open(sys.argv[2], "wb") as out:
    for _ in range(len(lines)):
        line = rng.randbytes(rng.randint(1, 400))
        out.write(line.replace(b"\n", b" ") + b"\n")
with open(sys.argv[3], "wb") as out:
    for line in lines:
        at = rng.randrange(len(line))
        line = line[:at] if rng.random() < 0.3 else line[:at] + bytes([rng.choice(b" :,.[]<>x0")]) + line[at + 1:]
        out.write(line + b"\n")
PY
  bin="$(command_of "${variant_list[0]}")"
  for input in random near-miss; do
    for _ in $(seq "$runs"); do
      /usr/bin/time -f "$input: wall %e s, CPU %U+%S s, peak RSS %M KB" taskset -c 0 $bin parse --pipeline qnap \
        --input "$work/$input.log" 2>&1 >/dev/null | tail -2
    done
    /usr/bin/time -f "$input: lognormalizer wall %e s, CPU %U+%S s" taskset -c 0 lognormalizer -r "$rulebase" -e json \
      < "$work/$input.log" 2>&1 >/dev/null | tail -1
  done
  echo "load after: $(uptime)"
  exit 0
fi

echo "== what each parses (untimed)"
"$(command_of "${variant_list[0]}" | awk '{print $NF}')" parse --pipeline qnap < "$corpus" 2>&1 >/dev/null | tail -1
read -r lognorm_lines lognorm_unparsed < <(lognormalizer -r "$rulebase" -e json < "$corpus" |
  awk '{ n++ } /"unparsed-data"/ { u++ } END { print n + 0, u + 0 }')
echo "lognormalizer: $lognorm_lines lines, $((lognorm_lines - lognorm_unparsed)) parsed, $lognorm_unparsed unparsed"

# One measurement: appends "name kind wall cpu rss_kb" to $work/times.txt.
measure() { # name kind command...
  local name="$1" kind="$2"; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$work/one.txt" sh -c "$* < '$corpus' > /dev/null 2>&1"
  read -r wall user sys rss < "$work/one.txt"
  echo "$name $kind $wall $(echo "$user + $sys" | bc) $rss" >> "$work/times.txt"
}
: > "$work/times.txt"
echo "== timing: $runs rounds, each: every variant then lognormalizer, one core then all cores"
for round in $(seq "$runs"); do
  for v in "${variant_list[@]}" lognormalizer; do
    if [ "$v" = lognormalizer ]; then cmd="lognormalizer -r $rulebase -e json"; else cmd="$(command_of "$v") parse --pipeline qnap"; fi
    measure "$v" one-core taskset -c 0 $cmd
    measure "$v" all-cores $cmd
  done
  echo "round $round done; load $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo "== start-up (median of 10): parse on empty input, --help"
: > "$work/startup.txt"
for v in "${variant_list[@]}"; do
  cmd="$(command_of "$v")"
  for _ in $(seq 10); do
    /usr/bin/time -f "$v parse-empty %e %M" -a -o "$work/startup.txt" sh -c "$cmd parse --pipeline qnap < /dev/null > /dev/null 2>&1"
    /usr/bin/time -f "$v help %e %M" -a -o "$work/startup.txt" sh -c "$cmd --help > /dev/null 2>&1"
  done
done

python3 - "$work/times.txt" "$work/startup.txt" "$lines" <<'PY'
import statistics, sys
from collections import defaultdict
times, startup, lines = sys.argv[1], sys.argv[2], int(sys.argv[3])
runs = defaultdict(list)
for row in open(times):
    name, kind, wall, cpu, rss = row.split()
    runs[name, kind].append((float(wall), float(cpu), int(rss)))
med = lambda xs: statistics.median(xs)
names = list(dict.fromkeys(n for n, _ in runs))
ln_cpu = med([c for _, c, _ in runs["lognormalizer", "one-core"]])
ln_wall = med([w for w, _, _ in runs["lognormalizer", "all-cores"]])
print(f"{'command':<14} {'CPU s 1 core':>12} {'µs/line':>8} {'x lognorm':>10} {'wall s all':>11} {'x lognorm':>10} {'peak RSS MB':>12}")
for name in names:
    cpu = med([c for _, c, _ in runs[name, "one-core"]])
    wall = med([w for w, _, _ in runs[name, "all-cores"]])
    rss = max(r for _, _, r in runs[name, "one-core"] + runs[name, "all-cores"]) / 1024
    print(f"{name:<14} {cpu:12.2f} {cpu / lines * 1e6:8.2f} {ln_cpu / cpu:9.2f}x {wall:11.2f} {ln_wall / wall:9.2f}x {rss:12.1f}")
print("(x lognorm = lognormalizer's time / this command's time, medians; above 1: faster than lognormalizer)")
starts = defaultdict(list)
for row in open(startup):
    parts = row.split()
    if len(parts) == 4: starts[parts[0], parts[1]].append((float(parts[2]), int(parts[3])))
for (name, kind), xs in starts.items():
    print(f"start-up {name:<10} {kind:<12} wall {med([w for w, _ in xs]) * 1000:5.0f} ms, peak RSS {max(r for _, r in xs) / 1024:5.1f} MB")
PY
echo "load after: $(uptime)"
[ "$work_given" -eq 1 ] && echo "corpus and timings kept in $work"
exit 0
