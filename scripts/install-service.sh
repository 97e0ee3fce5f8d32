#!/usr/bin/env bash
# Installs grokflow as a systemd service on Debian: publishes a self-contained build to /opt/grokflow, puts the
# unit in /etc/systemd/system, a starting configuration in /etc/grokflow (kept if present), and starts it.
#   sudo ./scripts/install-service.sh            # then put DD_API_KEY in /etc/grokflow/grokflow.env
#   sudo ./scripts/install-service.sh --uninstall
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo $0)" >&2; exit 1; }
if [ "${1:-}" = "--uninstall" ]; then
  systemctl disable --now grokflow.service 2>/dev/null || true
  rm -f /etc/systemd/system/grokflow.service
  rm -rf /opt/grokflow
  systemctl daemon-reload
  echo "grokflow removed; /etc/grokflow and /var/lib/grokflow (the spool) were kept"
  exit 0
fi
# ISA-L makes the gzip of every intake request with about a third less CPU than zlib-ng (docs/host.md, "Line rate").
ldconfig -p | grep 'libisal\.so\.2 ' >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libisal2 >/dev/null \
  || echo "note: libisal2 could not be installed; grokflow compresses with zlib-ng instead"
rid="linux-$(dpkg --print-architecture | sed 's/amd64/x64/')"
dotnet publish runtime -c Release -r "$rid" --self-contained -o /opt/grokflow -p:PublishSingleFile=false -v quiet
mkdir -p /opt/grokflow/docs && cp docs/host.md /opt/grokflow/docs/
install -d -m 0755 /etc/grokflow
[ -f /etc/grokflow/grokflow.json ] || install -m 0644 runtime/deploy/grokflow.json /etc/grokflow/grokflow.json
[ -f /etc/grokflow/grokflow.env ] || install -m 0600 runtime/deploy/grokflow.env /etc/grokflow/grokflow.env
install -m 0644 runtime/deploy/grokflow.service /etc/systemd/system/grokflow.service
if command -v systemd-analyze >/dev/null; then systemd-analyze verify /etc/systemd/system/grokflow.service; fi
systemctl daemon-reload
systemctl enable --now grokflow.service
systemctl --no-pager status grokflow.service | head -n 5 || true
grep -q '^DD_API_KEY=.\+' /etc/grokflow/grokflow.env || echo "note: no DD_API_KEY in /etc/grokflow/grokflow.env yet: events go to the journal as JSON lines"
