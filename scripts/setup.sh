#!/usr/bin/env bash
# Installs what the tests and the load command talk to (real peers on loopback) and what Native AOT links with. Idempotent; quiet when all is there.
set -euo pipefail
need=()
command -v logger >/dev/null || need+=(bsdutils)
command -v tshark >/dev/null || need+=(tshark)
command -v softflowd >/dev/null || need+=(softflowd)
command -v lognormalizer >/dev/null || need+=(liblognorm-utils)
command -v systemd-analyze >/dev/null || need+=(systemd)   # verifies runtime/deploy/grokflow.service in the tests
# gzip of intake bodies and spool files at level 1 (runtime/Sink/IsalGzip.cs; without it the host uses zlib-ng).
ldconfig -p | grep 'libisal\.so\.2 ' >/dev/null || need+=(libisal2)
# Native AOT publishing (scripts/publish.sh): the SDK links with clang and needs zlib's headers.
command -v clang >/dev/null || need+=(clang)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
