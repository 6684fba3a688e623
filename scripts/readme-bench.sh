#!/usr/bin/env bash
# Regenerates the README's benchmark figures: runs `bench --markdown` (the jar, -Xmx512m, as the README's
# speed section says) and puts its output between the README's `<!-- bench:begin -->` and
# `<!-- bench:end -->` markers. bench.RenderedReadmeFiguresTest checks the block's shape and its
# deterministic figures against the program.
#   scripts/readme-bench.sh [bench options, e.g. --remotes 1,10]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/istio-multicluster.jar
[ -f "$jar" ] || mvn -B -ntp -q -DskipTests package
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
java -Xmx512m -jar "$jar" bench --markdown "$@" > "$generated"
python3 - "$generated" <<'PY'
import sys, re
block = open(sys.argv[1]).read().rstrip("\n")
readme = open("README.md").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
if readme.count(begin) != 1 or readme.count(end) != 1:
    sys.exit("README.md needs exactly one " + begin + " and one " + end)
head, rest = readme.split(begin)
_, tail = rest.split(end)
open("README.md", "w").write(head + begin + "\n" + block + "\n" + end + tail)
PY
echo "README.md: benchmark figures regenerated" >&2
