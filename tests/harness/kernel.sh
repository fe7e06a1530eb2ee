#!/bin/bash
# Build the test kernel (or, with DEBUG=1, the debug kernel) from Debian's
# linux-source-6.1 and a config fragment kept in tests/kernel/.  The build
# is cached under $RZ_CACHE keyed by the fragments' content, the kernel
# source version and this script, so a second run costs seconds.
# Prints the build directory (a kbuild O= tree) on stdout.
set -euo pipefail
. "$(dirname "$0")/common.sh"

frags=("$RZ_ROOT/tests/kernel/ringzero.config")
[ "${DEBUG:-0}" = 1 ] && frags+=("$RZ_ROOT/tests/kernel/debug.config")

tarball=/usr/src/linux-source-6.1.tar.xz
[ -f "$tarball" ] || "$RZ_ROOT/tests/harness/deps.sh"
src="$RZ_CACHE/linux-source-6.1"
if [ ! -f "$src/.ringzero-extracted" ] ||
   [ "$tarball" -nt "$src/.ringzero-extracted" ]; then
	rz_log "extracting $tarball"
	rm -rf "$src"
	tar -C "$RZ_CACHE" -xf "$tarball"
	touch "$src/.ringzero-extracted"
fi

key=$( (cat "${frags[@]}" "$0"; head -5 "$src/Makefile") | sha256sum |
	cut -c1-16)
variant=test
[ "${DEBUG:-0}" = 1 ] && variant=debug
out="$RZ_CACHE/kernel-$variant-$key"
if [ -f "$out/.ringzero-built" ]; then
	echo "$out"
	exit 0
fi

rz_log "building the $variant kernel in $out (first run only)"
start=$(date +%s)
rm -rf "$out"
mkdir -p "$out"
cat "${frags[@]}" > "$out/fragment.config"
make -s -C "$src" O="$out" KCONFIG_ALLCONFIG="$out/fragment.config" \
	allnoconfig >&2

# allnoconfig drops a symbol whose dependencies are unmet without a word:
# insist that every line of the fragments made it into .config.
bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$out/.config" ||
			{ rz_log "fragment line not in .config: $line"; bad=1; } ;;
	"# CONFIG_"*" is not set")
		sym=${line#\# }; sym=${sym%% *}
		! grep -q "^$sym=" "$out/.config" ||
			{ rz_log "fragment line not in .config: $line"; bad=1; } ;;
	esac
done < "$out/fragment.config"
[ $bad = 0 ] || rz_die "kernel configuration does not match the fragment"

make -s -C "$out" -j"$(nproc)" bzImage modules >&2
touch "$out/.ringzero-built"
rz_log "$variant kernel built in $(( $(date +%s) - start )) s"
echo "$out"
