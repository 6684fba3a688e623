#!/usr/bin/env bash
# Provision the binaries the integration tests (*IT.java) need: etcd and a real
# kube-apiserver 1.20.2.
#
# Usage:
#   eval "$(scripts/kube-test-env.sh)"     # sets KUBE_APISERVER and ETCD
#
# stdout carries exactly two lines, KUBE_APISERVER=/abs/path and ETCD=/abs/path;
# every other message goes to stderr, and the build log to a file in the cache.
#
# Where the binaries come from:
#   * KUBE_APISERVER and ETCD already set (both executable): echoed back, nothing installed.
#   * KUBEBUILDER_ASSETS set (envtest layout, $KUBEBUILDER_ASSETS/{kube-apiserver,etcd}):
#     echoed back, nothing installed.
#   * Otherwise: etcd comes from Debian's etcd-server package, and kube-apiserver is
#     built once per machine from Debian bookworm's `kubernetes` source package
#     (1.20.2; Go GOPATH mode, about 5 minutes on 2 cores) and cached in
#     ${XDG_CACHE_HOME:-$HOME/.cache}/istio-multicluster/kube-1.20.2/bin/kube-apiserver.
#     Later runs only check the cache. Needs root (or sudo) for apt-get.
#
# The vendored reflect2/json-iterator in that source tree crash the apiserver (built
# with Debian's Go 1.19) on the first server-side apply, so Debian's packaged
# reflect2 1.0.2 and json-iterator 1.1.12 are swapped into vendor/ before building.
set -euo pipefail

# Keep stdout for the two result lines only.
exec 3>&1 1>&2

KUBE_VERSION=1.20.2
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/istio-multicluster"
CACHE_DIR="$CACHE_ROOT/kube-$KUBE_VERSION"
CACHED_APISERVER="$CACHE_DIR/bin/kube-apiserver"
BUILD_LOG="$CACHE_DIR/build.log"
DEB_SRC_FILE=/etc/apt/sources.list.d/istio-multicluster-deb-src.sources

log() { echo "kube-test-env: $*" >&2; }
die() { echo "kube-test-env: error: $*" >&2; exit 1; }

emit() {
  printf 'KUBE_APISERVER=%s\nETCD=%s\n' "$1" "$2" >&3
}

abspath() { (cd "$(dirname "$1")" && echo "$(pwd -P)/$(basename "$1")"); }

# --- 1. Binaries supplied by the caller -------------------------------------------
if [[ -n "${KUBE_APISERVER:-}" || -n "${ETCD:-}" ]]; then
  [[ -n "${KUBE_APISERVER:-}" && -n "${ETCD:-}" ]] \
    || die "set both KUBE_APISERVER and ETCD, or neither (got KUBE_APISERVER='${KUBE_APISERVER:-}', ETCD='${ETCD:-}')"
  [[ -x "$KUBE_APISERVER" ]] || die "KUBE_APISERVER='$KUBE_APISERVER' is not an executable file"
  [[ -x "$ETCD" ]] || die "ETCD='$ETCD' is not an executable file"
  emit "$(abspath "$KUBE_APISERVER")" "$(abspath "$ETCD")"
  exit 0
fi
if [[ -n "${KUBEBUILDER_ASSETS:-}" ]]; then
  for b in kube-apiserver etcd; do
    [[ -x "$KUBEBUILDER_ASSETS/$b" ]] \
      || die "KUBEBUILDER_ASSETS='$KUBEBUILDER_ASSETS' has no executable '$b' (envtest layout expected)"
  done
  emit "$(abspath "$KUBEBUILDER_ASSETS/kube-apiserver")" "$(abspath "$KUBEBUILDER_ASSETS/etcd")"
  exit 0
fi

# --- 2. apt helpers ----------------------------------------------------------------
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 \
    || die "not root and no sudo: cannot apt-get install; run as root, or set KUBE_APISERVER and ETCD"
  SUDO=(sudo)
fi
APT_UPDATED=0
apt_update() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    log "apt-get update"
    "${SUDO[@]}" apt-get update -qq >&2 || die "apt-get update failed"
    APT_UPDATED=1
  fi
}
# Install the packages among "$@" that are not installed yet.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  apt_update
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || die "apt-get install ${missing[*]} failed"
}

# --- 3. etcd (and openssl, which the test fixture uses for serving certificates) -----
command -v apt-get >/dev/null 2>&1 \
  || die "apt-get not found: this script provisions Debian machines only; otherwise set KUBE_APISERVER and ETCD (or KUBEBUILDER_ASSETS)"
apt_install etcd-server openssl
ETCD_BIN=/usr/bin/etcd
[[ -x "$ETCD_BIN" ]] || die "etcd-server is installed but $ETCD_BIN is missing"

# --- 4. kube-apiserver (built once, cached) ----------------------------------------
mkdir -p "$CACHE_DIR/bin"
exec 9>"$CACHE_DIR/.lock"
flock 9 # another run may be building right now: wait for it

apiserver_ok() {
  [[ -x "$CACHED_APISERVER" ]] && "$CACHED_APISERVER" --version 2>/dev/null | grep -q "v$KUBE_VERSION"
}

if ! apiserver_ok; then
  # Build-Depends of the source package (minus packaging tools), dpkg-dev for `apt-get source`.
  apt_install golang-go rsync jq make dpkg-dev \
    golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev
  REFLECT2_SRC=/usr/share/gocode/src/github.com/modern-go/reflect2
  JSONITER_SRC=/usr/share/gocode/src/github.com/json-iterator/go
  [[ -d "$REFLECT2_SRC" ]] || die "missing $REFLECT2_SRC (package golang-github-modern-go-reflect2-dev)"
  [[ -d "$JSONITER_SRC" ]] || die "missing $JSONITER_SRC (package golang-github-json-iterator-go-dev)"

  # Source package index: needs a deb-src entry (bookworm has only 'deb' by default).
  if ! apt-cache showsrc kubernetes 2>/dev/null | grep -q "^Version: .*$KUBE_VERSION"; then
    if [[ ! -f "$DEB_SRC_FILE" ]]; then
      log "adding deb-src entry $DEB_SRC_FILE"
      "${SUDO[@]}" tee "$DEB_SRC_FILE" >/dev/null <<'EOF'
# Added by istio-multicluster scripts/kube-test-env.sh to fetch the kubernetes source package.
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi
    APT_UPDATED=0
    apt_update
    apt-cache showsrc kubernetes 2>/dev/null | grep -q "^Version: .*$KUBE_VERSION" \
      || die "no Debian source package 'kubernetes' with version $KUBE_VERSION (needs Debian bookworm sources; got: $(apt-cache showsrc kubernetes 2>/dev/null | grep '^Version' | tr '\n' ' '))"
  fi
  SRC_VERSION=$(apt-cache showsrc kubernetes | awk '/^Version:/ {print $2}' | grep "$KUBE_VERSION" | head -n1)

  BUILD_DIR="$CACHE_DIR/build"
  rm -rf "$BUILD_DIR"
  mkdir -p "$BUILD_DIR/dl" "$BUILD_DIR/gopath/src/k8s.io"
  log "building kube-apiserver $KUBE_VERSION from Debian source kubernetes=$SRC_VERSION (about 5-10 minutes); log: $BUILD_LOG"
  : >"$BUILD_LOG"
  start=$(date +%s)
  (
    set -euo pipefail
    cd "$BUILD_DIR/dl"
    apt-get source -qq --only-source "kubernetes=$SRC_VERSION"
    src=$(find . -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)
    [[ -n "$src" ]] || { echo "apt-get source produced no kubernetes-* directory" >&2; exit 1; }
    mv "$src" "$BUILD_DIR/gopath/src/k8s.io/kubernetes"
    cd "$BUILD_DIR/gopath/src/k8s.io/kubernetes"
    for d in vendor/github.com/modern-go/reflect2 vendor/github.com/json-iterator/go; do
      [[ -d "$d" ]] || { echo "source tree has no $d" >&2; exit 1; }
    done
    rm -rf vendor/github.com/modern-go/reflect2 vendor/github.com/json-iterator/go
    cp -a "$REFLECT2_SRC" vendor/github.com/modern-go/reflect2
    cp -a "$JSONITER_SRC" vendor/github.com/json-iterator/go
    # Debian ships test files and modules in those dirs; vendor/ wants plain sources.
    find vendor/github.com/modern-go/reflect2 vendor/github.com/json-iterator/go \
      \( -name '*_test.go' -o -name go.mod -o -name go.sum \) -delete
    # As debian/rules: GOPATH mode, no cgo (static binary, no C compiler needed).
    export GOPATH="$BUILD_DIR/gopath" GO111MODULE=off GOFLAGS= GOCACHE="$BUILD_DIR/gocache" CGO_ENABLED=0
    export KUBE_GIT_VERSION="v$KUBE_VERSION" KUBE_GIT_TREE_STATE=clean
    make WHAT=cmd/kube-apiserver
  ) >>"$BUILD_LOG" 2>&1 || { tail -n 40 "$BUILD_LOG" >&2; die "kube-apiserver build failed; full log: $BUILD_LOG"; }

  built=$(find "$BUILD_DIR/gopath/src/k8s.io/kubernetes/_output" -type f -name kube-apiserver -perm -u+x | head -n1)
  [[ -n "$built" ]] || die "build finished but no kube-apiserver binary under _output; log: $BUILD_LOG"
  install -m 0755 "$built" "$CACHED_APISERVER.tmp"
  mv "$CACHED_APISERVER.tmp" "$CACHED_APISERVER"
  rm -rf "$BUILD_DIR"
  apiserver_ok || die "built $CACHED_APISERVER but '--version' does not report v$KUBE_VERSION: $("$CACHED_APISERVER" --version 2>&1 || true)"
  log "built kube-apiserver in $(($(date +%s) - start)) s"
fi

emit "$CACHED_APISERVER" "$ETCD_BIN"
