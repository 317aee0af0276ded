#!/usr/bin/env bash
# make fresh-check: the README's set-up and `make test` on a Debian 12 that has never seen
# Quay. A bare root is made with debootstrap from this machine's Debian mirror; it gets only
# what reaching the registries needs (the CA bundle, apt/npm/pip client settings, name
# resolution) and the Rust toolchain, the one thing taken from this machine (rustup's home,
# mounted read-only). The repository's committed HEAD is cloned into it, then `make test`
# installs everything else itself, exactly as on a new counter.
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
ROOT=${FRESH_ROOT:-/var/tmp/quay-fresh-root}
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}
MIRROR=${MIRROR:-$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
RUSTUP=${RUSTUP_HOME:-$HOME/.rustup}
CARGO_BIN=${CARGO_HOME:-$HOME/.cargo}/bin
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
started=$(date +%s)
stamp() { echo "fresh-check: $* (+$(( $(date +%s) - started )) s)"; }

mounts=(proc sys dev root/.rustup)
unmount_all() {
  for m in "${mounts[@]}"; do
    mountpoint -q "$ROOT/$m" 2>/dev/null && $SUDO umount -R -l "$ROOT/$m" || true
  done
}
trap unmount_all EXIT

command -v debootstrap >/dev/null || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
unmount_all
$SUDO rm -rf "$ROOT"
stamp "debootstrap $SUITE from $MIRROR into $ROOT"
$SUDO debootstrap --variant=minbase --include=ca-certificates,git,make "$SUITE" "$ROOT" "$MIRROR" >"${ROOT%/}.debootstrap.log" 2>&1 \
  || { tail -20 "${ROOT%/}.debootstrap.log"; exit 1; }
stamp "root ready"

# Reaching the registries as this machine does: certificates, client settings, names.
$SUDO cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
[ -d /usr/local/share/ca-certificates ] && $SUDO cp -r /usr/local/share/ca-certificates/. "$ROOT/usr/local/share/ca-certificates/"
$SUDO cp /etc/resolv.conf /etc/hosts "$ROOT/etc/"
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  $SUDO rm -f "$ROOT/etc/apt/sources.list"
  $SUDO cp /etc/apt/sources.list.d/debian.sources "$ROOT/etc/apt/sources.list.d/"
fi
for f in /etc/apt/apt.conf.d/*; do
  grep -qiE 'Acquire|proxy|Check-Valid' "$f" 2>/dev/null && $SUDO cp "$f" "$ROOT/etc/apt/apt.conf.d/"
done
[ -f /etc/pip.conf ] && $SUDO cp /etc/pip.conf "$ROOT/etc/pip.conf"
[ -f "$HOME/.npmrc" ] && $SUDO cp "$HOME/.npmrc" "$ROOT/root/.npmrc"

# The Rust toolchain: rustup's proxies and its home, read-only; the crates come from the
# registry into the root's own, empty CARGO_HOME.
$SUDO mkdir -p "$ROOT/root/.cargo/bin" "$ROOT/root/.rustup" "$ROOT/work"
$SUDO cp -a "$CARGO_BIN/." "$ROOT/root/.cargo/bin/"
$SUDO mount --bind "$RUSTUP" "$ROOT/root/.rustup"
$SUDO mount -o remount,bind,ro "$ROOT/root/.rustup"
$SUDO mount -t proc proc "$ROOT/proc"
$SUDO mount -t sysfs sys "$ROOT/sys"
$SUDO mount --rbind /dev "$ROOT/dev"
$SUDO mount --make-rslave "$ROOT/dev"

$SUDO git clone --quiet --no-local "$repo" "$ROOT/work/quay"
stamp "cloned $(git -C "$repo" rev-parse --short HEAD); make test in the fresh root"
t0=$(date +%s)
$SUDO chroot "$ROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
  PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  bash -c 'cd /work/quay && make test'
stamp "make test passed in the fresh root in $(( $(date +%s) - t0 )) s"
