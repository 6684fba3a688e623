#!/usr/bin/env bash
# Regenerates the benchmark figures of docs/performance.md (linked from the README): runs `bench --markdown`
# (the jar, -Xmx512m, as that page says) and puts its output between its `<!-- bench:begin -->` and
# `<!-- bench:end -->` markers, and the canary upgrade's `bench --upgrade --markdown` between `<!-- upgrade:begin -->`
# and `<!-- upgrade:end -->`. bench.ReadmeFiguresTest checks the block's shape and its
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
# Puts the file $1 between the markers <!-- $2:begin --> and <!-- $2:end --> of docs/performance.md.
put_block() {
python3 - "$1" "$2" <<'PY'
import sys
block = open(sys.argv[1]).read().rstrip("\n")
page = open("docs/performance.md").read()
begin, end = "<!-- " + sys.argv[2] + ":begin -->", "<!-- " + sys.argv[2] + ":end -->"
if page.count(begin) != 1 or page.count(end) != 1:
    sys.exit("docs/performance.md needs exactly one " + begin + " and one " + end)
head, rest = page.split(begin)
_, tail = rest.split(end)
open("docs/performance.md", "w").write(head + begin + "\n" + block + "\n" + end + tail)
PY
}
java -Xmx512m -jar "$jar" bench --markdown "$@" > "$generated"
put_block "$generated" bench
# The canary upgrade of stacks/canary (deterministic: no clock); bench.UpgradeStepsTest checks it equals today's output.
java -Xmx512m -jar "$jar" bench --upgrade stacks/canary/primary-remote-multinetwork/Pulumi.step{0,1,2,3,4,5,6}.yaml \
  --markdown > "$generated"
put_block "$generated" upgrade
echo "docs/performance.md: benchmark figures regenerated" >&2
