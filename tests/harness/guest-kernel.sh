#!/bin/bash
# Build the Linux guest of the VMM tests (tests/kernel/guest.config on top
# of allnoconfig: one CPU, the PC platform, virtio-mmio; bzImage only)
# from the source tree kernel.sh extracted, cached under $RZ_CACHE keyed by
# the fragment, this script and the source version.  A kernel apart from
# the test kernel, so that the guest's needs never change the test
# kernels' cache.  Prints the build directory on stdout.
set -euo pipefail
. "$(dirname "$0")/common.sh"

frag="$RZ_ROOT/tests/kernel/guest.config"
src="$RZ_CACHE/linux-source-6.1"
[ -f "$src/.ringzero-extracted" ] || "$RZ_ROOT/tests/harness/kernel.sh" > /dev/null

key=$( (cat "$frag" "$0"; head -5 "$src/Makefile") | sha256sum | cut -c1-16)
out="$RZ_CACHE/kernel-guest-$key"
if [ -f "$out/.ringzero-built" ]; then
	echo "$out"
	exit 0
fi

rz_log "building the guest kernel in $out (first run only)"
start=$(date +%s)
rm -rf "$out"
mkdir -p "$out"
make -s -C "$src" O="$out" KCONFIG_ALLCONFIG="$frag" allnoconfig >&2
"$RZ_ROOT/tests/harness/config-check.sh" "$frag" "$out/.config" ||
	rz_die "guest kernel configuration does not match the fragment"
make -s -C "$out" -j"$(nproc)" bzImage >&2
touch "$out/.ringzero-built"
rz_log "guest kernel built in $(( $(date +%s) - start )) s"
echo "$out"
