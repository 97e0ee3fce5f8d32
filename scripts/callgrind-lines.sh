#!/bin/bash
# Instructions per line of `grokflow parse` (Native AOT build) under callgrind, for qnap, nginx and postfix: the
# instructions of a long run minus those of a 1,000-line run (which takes out start-up), over the difference in lines.
# QNAP: the first 50,000 lines of the bench-parse corpus (gen_qnap.py -n 1000000 --seed 42); nginx and postfix: their
# rules/*.samples.log cycled to 20,000 lines.
# usage: scripts/callgrind-lines.sh [AOT_DIR] [WORK_DIR] [QNAP_CORPUS]
#   AOT_DIR defaults to runtime/bin/Release/aot (scripts/publish.sh); the .out files stay in WORK_DIR for callgrind_annotate.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
aot=$(cd "${1:-$repo/runtime/bin/Release/aot}" && pwd)
work=${2:-$(mktemp -d)}; mkdir -p "$work"; cd "$work"
corpus=${3:-}
if [ -z "$corpus" ]; then
  corpus=$work/qnap.log
  [ -s "$corpus" ] || python3 "$repo/../shared/bench/gen_qnap.py" -n 1000000 --seed 42 > "$corpus"
fi
# Valgrind cannot read the AOT build's DWARF: give it the symbols alone.
objcopy --strip-debug "$aot/grokflow.dbg" grokflow.dbg
objcopy --remove-section .gnu_debuglink "$aot/grokflow" g2 && objcopy --add-gnu-debuglink=grokflow.dbg g2 grokflow && rm g2 && chmod +x grokflow
head -50000 "$corpus" > q50k.log; head -1000 "$corpus" > q1k.log
for p in nginx postfix; do
  python3 -c 'import itertools, sys; lines = open(sys.argv[1], "rb").read().splitlines(keepends=True); sys.stdout.buffer.write(b"".join(itertools.islice(itertools.cycle(lines), int(sys.argv[2]))))' \
    "$repo/rules/$p.samples.log" 20000 > "${p:0:1}20k.log"
  head -1000 "${p:0:1}20k.log" > "${p:0:1}1k.log"
done
run() { taskset -c 0 valgrind --tool=callgrind --callgrind-out-file="$1.out" ./grokflow parse --pipeline "$2" -i "$1.log" > /dev/null 2> "$1.err"; grep -o "Collected : [0-9]*" "$1.err" | awk '{print $3}'; }
echo "qnap $(( ($(run q50k qnap) - $(run q1k qnap)) / 49000 ))"
echo "nginx $(( ($(run n20k nginx) - $(run n1k nginx)) / 19000 ))"
echo "postfix $(( ($(run p20k postfix) - $(run p1k postfix)) / 19000 ))"
echo "profiles: $work/{q50k,n20k,p20k}.out"
