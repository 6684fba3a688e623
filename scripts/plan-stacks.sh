#!/usr/bin/env bash
# The offline plan of every stack (Pulumi.dev.yaml and stacks/Pulumi.*.yaml), as PR previews publish it:
#   scripts/plan-stacks.sh OUT_DIR [BASE_DIR]
#     -> OUT_DIR/<stack>/{plan.txt,plan.json,objects/} and OUT_DIR/summary.md
# With BASE_DIR (a checkout of the base branch), each stack whose file BASE_DIR also has is compared with
# it (`plan --compare`): OUT_DIR/<stack>/{compare.txt,compare.json}, and the summary shows the comparison
# (what `pulumi up` of the PR's stack file would do to the stack deployed from the base branch's) before
# the plan. Both files are planned by this checkout's program.
# Needs the jar (mvn -q -DskipTests package). Fails if any stack fails to plan or to compare.
# ISTIO_MC_CLI: the command that runs the command line (default: java -jar target/istio-multicluster.jar);
# PLAN_STACK_FILES: the stack files to plan, separated by spaces (default: every stack of the project).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/plan-stacks.sh OUT_DIR [BASE_DIR]}
base=${2:-}
jar=target/istio-multicluster.jar
if [ -n "${ISTIO_MC_CLI:-}" ]; then
  read -r -a cli <<< "$ISTIO_MC_CLI"
else
  [ -f "$jar" ] || { echo "no $jar: run mvn -q -DskipTests package first" >&2; exit 1; }
  cli=(java -jar "$jar")
fi
[ -z "$base" ] || [ -d "$base" ] || { echo "base directory '$base' does not exist" >&2; exit 1; }
read -r -a files <<< "${PLAN_STACK_FILES:-$(echo Pulumi.dev.yaml stacks/Pulumi.*.yaml)}"
mkdir -p "$out"
: > "$out/summary.md"
for file in "${files[@]}"; do
  stack=$(basename "$file" .yaml); stack=${stack#Pulumi.}
  mkdir -p "$out/$stack"
  "${cli[@]}" plan --config-file "$file" --out "$out/$stack/objects" > "$out/$stack/plan.txt"
  "${cli[@]}" plan --config-file "$file" --format json > "$out/$stack/plan.json"
  if [ -n "$base" ]; then
    if [ -f "$base/$file" ]; then
      "${cli[@]}" plan --config-file "$file" --compare "$base/$file" > "$out/$stack/compare.txt"
      "${cli[@]}" plan --config-file "$file" --compare "$base/$file" --format json > "$out/$stack/compare.json"
      {
        echo "## Changes to stack \`$stack\` against the base branch"
        echo '```'
        cat "$out/$stack/compare.txt"
        echo '```'
      } >> "$out/summary.md"
    else
      echo "## Stack \`$stack\` is new in this change: every resource is created" >> "$out/summary.md"
    fi
  fi
  {
    echo "## Plan of stack \`$stack\`"
    echo '```'
    cat "$out/$stack/plan.txt"
    echo '```'
  } >> "$out/summary.md"
  echo "planned stack $stack: $(grep -c '"urn"' "$out/$stack/plan.json") resources" >&2
done
