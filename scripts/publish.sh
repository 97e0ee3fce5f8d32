#!/usr/bin/env bash
# Publishes grokflow as a Native AOT binary (the build users run: full speed from the first line, see
# docs/benchmarks.md) into runtime/bin/Release/aot/grokflow. Needs clang and zlib headers (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
dotnet publish runtime/GrokFlow.Runtime.csproj -c Release -o runtime/bin/Release/aot -v quiet -nologo "$@"
