#!/usr/bin/env bash
# The test command of the README: unit tests under Pulumi's mocks, then integration tests against
# two real kube-apiservers on loopback and helm. Provisions the API server and helm binaries first (built once per
# machine, cached outside the repository), unless KUBE_APISERVER/ETCD or KUBEBUILDER_ASSETS are set.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
  echo "installing Java 17 and Maven (Debian packages)" >&2
  apt-get update -qq >&2 && apt-get install -y -qq openjdk-17-jdk-headless maven >&2
fi
# The integration tests make their certificates with openssl (KubeApiServer, TestCertificates, ChartRepository).
if ! command -v openssl >/dev/null 2>&1; then
  echo "installing openssl (Debian package)" >&2
  apt-get update -qq >&2 && apt-get install -y -qq openssl >&2
fi
# The PR preview workflow must be valid GitHub Actions YAML (linter from the npm registry).
if command -v npx >/dev/null 2>&1; then
  npx --yes @action-validator/cli@0.6.0 .github/workflows/preview.yml >&2
  echo "workflow .github/workflows/preview.yml: valid" >&2
fi
eval "$(scripts/kube-test-env.sh)"
export KUBE_APISERVER ETCD
# helm 3.17 (npm, cached) renders every release of every stack from Istio's 1.30.3 chart packages in
# the test resources (src/test/resources/istio/1.30.3/charts; ISTIO_CHART_REPO_DIR overrides).
eval "$(scripts/helm-test-env.sh)"
export HELM
mvn -B -ntp verify "$@"
# What the PR preview workflow runs: the offline plan of every stack.
scripts/plan-stacks.sh target/plans
