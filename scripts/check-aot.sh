#!/usr/bin/env bash
# Checks that the Native AOT build of grokflow behaves exactly as the JIT build the tests run: every command, on the
# same inputs, gives byte-identical stdout, the same stderr (run times masked) and the same exit code. The host
# (`run`) is checked end to end on loopback: syslog lines in, the Refit client posting gzip batches to a local
# intake, counted and compared after the process has stopped.
# Usage: scripts/check-aot.sh [--no-build]   (prints "aot check: N passed, N failed"; exit 1 on any failure)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ "${1:-}" != "--no-build" ]; then
  ./scripts/publish.sh || { echo "aot check: 0 passed, 1 failed (publish)"; exit 1; }
  dotnet build runtime/GrokFlow.Runtime.csproj -c Release -v quiet -nologo >/dev/null || { echo "aot check: 0 passed, 1 failed (build)"; exit 1; }
fi
aot="$root/runtime/bin/Release/aot/grokflow"
jit="$root/runtime/bin/Release/net10.0/grokflow.dll"
shared="$root/../shared"; [ -d "$shared" ] || shared=/work/shared
work=$(mktemp -d /tmp/grokflow-aot-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
passed=0; failed=0

mask() { sed -E 's/[0-9]+\.[0-9]+ s, [0-9,]+ lines\/s/T s, R lines\/s/g' "$1"; }
same() { # name, then the command's arguments; runs both builds in $work and compares
  local name="$1"; shift
  (cd "$work" && "$aot" "$@" >aot.out 2>aot.err; echo $? >aot.rc)
  (cd "$work" && dotnet "$jit" "$@" >jit.out 2>jit.err; echo $? >jit.rc)
  if cmp -s "$work/aot.out" "$work/jit.out" && cmp -s "$work/aot.rc" "$work/jit.rc" &&
     diff -q <(mask "$work/aot.err") <(mask "$work/jit.err") >/dev/null; then
    passed=$((passed + 1)); echo "ok   $name ($(wc -c < "$work/aot.out") bytes, exit $(cat "$work/aot.rc"))"
  else
    failed=$((failed + 1)); echo "FAIL $name: exit aot $(cat "$work/aot.rc") jit $(cat "$work/jit.rc")"
    diff <(head -c 2000 "$work/aot.out") <(head -c 2000 "$work/jit.out") | head -5
    diff <(mask "$work/aot.err") <(mask "$work/jit.err") | head -5
  fi
}

same "--help" --help
same "version" version
for command in parse check import export decode bench run; do same "$command --help" "$command" --help; done
for pipeline in qnap nginx postfix; do
  same "parse $pipeline samples (generated)" parse --pipeline "$pipeline" --input "$root/rules/$pipeline.samples.log"
  same "parse $pipeline samples (interpreter)" parse --pipeline "$pipeline" --rules "$root/rules/$pipeline.rules" --input "$root/rules/$pipeline.samples.log"
done
python3 "$shared/bench/gen_qnap.py" -n 20000 --seed 7 -o "$work/qnap.log"
same "parse 20,000 generated QNAP lines" parse --pipeline qnap --input "$work/qnap.log"
head -c 3000000 /dev/urandom > "$work/random.log"
same "parse random bytes" parse --pipeline qnap --input "$work/random.log"
same "parse empty input" parse --pipeline qnap --input /dev/null
same "parse unknown pipeline" parse --pipeline nope --input /dev/null
same "check rules" check "$root"/rules/*.rules
printf 'pipeline a {\n  grok-parser "P" {\n    match rule %%{nosuch:x}\n  }\n}\n' > "$work/broken.rules"
same "check broken rules" check "$work/broken.rules"
same "export nginx" export "$root/rules/nginx.rules"
cat > "$work/demo.yaml" <<'YAML'
id: demo
pipeline:
  type: pipeline
  name: Demo App
  enabled: true
  filter:
    query: "source:demo"
  processors:
    - type: grok-parser
      name: Parsing
      enabled: true
      source: message
      samples:
        - "2024-01-02 INFO started"
      grok:
        supportRules: |
          _date %{date("yyyy-MM-dd"):timestamp}
        matchRules: |
          demo %{_date} %{word: level} %{data:msg}
    - type: geo-ip-parser
      name: Geo
      enabled: true
      sources: [network.client.ip]
      target: network.client.geoip
YAML
same "import YAML (YamlDotNet)" import "$work/demo.yaml"
for capture in v5 v9 ipfix; do same "decode $capture.pcap" decode "$shared/conformance/netflow/$capture.pcap"; done

# The host: syslog over UDP in, the Refit client out to a local intake; the intake counts events per build.
host_run() { # build label, command...
  local label="$1"; shift
  local intake_port syslog_port
  read -r intake_port syslog_port < <(python3 -c 'import socket
s=[socket.socket(socket.AF_INET, t) for t in (socket.SOCK_STREAM, socket.SOCK_DGRAM)]
[x.bind(("127.0.0.1", 0)) for x in s]; print(*[x.getsockname()[1] for x in s])')
  python3 - "$intake_port" "$work/$label.intake" <<'PY' &
import gzip, http.server, json, sys
port, out = int(sys.argv[1]), sys.argv[2]
class Intake(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip": body = gzip.decompress(body)
        with open(out, "a") as f:
            for event in json.loads(body): f.write(json.dumps({k: event[k] for k in ("message", "ddsource", "service") if k in event}, sort_keys=True) + "\n")
        self.send_response(202); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", port), Intake).serve_forever()
PY
  local intake=$!
  DD_API_KEY=check "$@" run --Datadog:Url="http://127.0.0.1:$intake_port" --Sources:0:Bind=127.0.0.1 --Sources:0:Port=0 \
    --Sources:1:Bind=127.0.0.1 --Sources:1:Port="$syslog_port" --Batching:FlushInterval=00:00:00.200 > "$work/$label.host" 2>&1 &
  local host=$!
  python3 - "$syslog_port" "$root/rules/qnap.samples.log" <<'PY'
import socket, sys, time
port, lines = int(sys.argv[1]), open(sys.argv[2], "rb").read().splitlines()
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
time.sleep(1.5)  # the host's start-up; a datagram sent before it listens is lost, so the counts would differ
for line in lines:
    s.sendto(line, ("127.0.0.1", port)); time.sleep(0.002)
PY
  sleep 2
  kill -TERM "$host"; wait "$host"
  kill "$intake"; wait "$intake" 2>/dev/null
  sort "$work/$label.intake" 2>/dev/null > "$work/$label.events"
}
host_run aot "$aot"
host_run jit dotnet "$jit"
if [ -s "$work/aot.events" ] && cmp -s "$work/aot.events" "$work/jit.events"; then
  passed=$((passed + 1)); echo "ok   run: syslog -> Datadog intake ($(wc -l < "$work/aot.events") events through the Refit client)"
else
  failed=$((failed + 1)); echo "FAIL run: aot $(wc -l < "$work/aot.events" 2>/dev/null) events, jit $(wc -l < "$work/jit.events" 2>/dev/null)"
  tail -5 "$work/aot.host"
fi
echo "aot check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
