#!/usr/bin/env bash
# Counts the lines the source generator compiles: every Compile item of generator/GrokFlow.Generator.csproj, counted
# with wc -l (issue 9's measure). Prints one line per folder, then "total: N files, N lines".
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet msbuild generator/GrokFlow.Generator.csproj -getItem:Compile \
  | grep -oE '"FullPath": "[^"]+"' | sed -E 's/^"FullPath": "(.*)"$/\1/' \
  > "${TMPDIR:-/tmp}/generator-compile-items.$$"
root=$(pwd)
xargs -d '\n' wc -l < "${TMPDIR:-/tmp}/generator-compile-items.$$" | grep -v ' total$' \
  | awk -v root="$root/" '{ path = $2; sub(root, "", path); n = split(path, parts, "/");
      folder = parts[1] "/" parts[2] (n > 3 ? "/" parts[3] : ""); lines[folder] += $1; files += 1; total += $1 }
      END { for (f in lines) printf "%6d %s\n", lines[f], f | "sort -k2"; close("sort -k2");
            printf "total: %d files, %d lines\n", files, total }'
rm -f "${TMPDIR:-/tmp}/generator-compile-items.$$"
