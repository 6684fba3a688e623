#!/usr/bin/env bash
# The offline plan of every stack (Pulumi.dev.yaml and stacks/Pulumi.*.yaml), as PR previews publish it:
#   scripts/plan-stacks.sh OUT_DIR  ->  OUT_DIR/<stack>/{plan.txt,plan.json,objects/} and OUT_DIR/summary.md
# Needs the jar (mvn -q -DskipTests package). Fails if any stack fails to plan.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/plan-stacks.sh OUT_DIR}
jar=target/istio-multicluster.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }
mkdir -p "$out"
: > "$out/summary.md"
for file in Pulumi.dev.yaml stacks/Pulumi.*.yaml; do
  stack=$(basename "$file" .yaml); stack=${stack#Pulumi.}
  mkdir -p "$out/$stack"
  java -jar "$jar" plan --config-file "$file" --out "$out/$stack/objects" > "$out/$stack/plan.txt"
  java -jar "$jar" plan --config-file "$file" --format json > "$out/$stack/plan.json"
  {
    echo "## Plan of stack \`$stack\`"
    echo '```'
    cat "$out/$stack/plan.txt"
    echo '```'
  } >> "$out/summary.md"
  echo "planned stack $stack: $(grep -c '"urn"' "$out/$stack/plan.json") resources" >&2
done
