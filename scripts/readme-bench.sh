#!/usr/bin/env bash
# Regenerates the benchmark figures of docs/performance.md (linked from the README): runs `bench --markdown`
# (the jar, -Xmx512m, as that page says) and puts its output between its `<!-- bench:begin -->` and
# `<!-- bench:end -->` markers. bench.ReadmeFiguresTest checks the block's shape and its
# deterministic figures against the program.
#   scripts/readme-bench.sh [bench options; default: the sizes below]
# The default sizes: one primary with 1-200 remotes (the targets), and the multi-primary sizes issue 10 asks for.
default_sizes=1+1,1+10,1+50,1+200,3+100,10+10
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/istio-multicluster.jar
[ -f "$jar" ] || mvn -B -ntp -q -DskipTests package
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
if [ $# -eq 0 ]; then set -- --sizes "$default_sizes"; fi
java -Xmx512m -jar "$jar" bench --markdown "$@" > "$generated"
python3 - "$generated" <<'PY'
import sys, re
block = open(sys.argv[1]).read().rstrip("\n")
readme = open("docs/performance.md").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
if readme.count(begin) != 1 or readme.count(end) != 1:
    sys.exit("docs/performance.md needs exactly one " + begin + " and one " + end)
head, rest = readme.split(begin)
_, tail = rest.split(end)
open("docs/performance.md", "w").write(head + begin + "\n" + block + "\n" + end + tail)
PY
echo "docs/performance.md: benchmark figures regenerated" >&2
