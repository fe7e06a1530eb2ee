#!/bin/bash
# Install what building and testing ringzero needs on Debian 12:
# apt packages (only the missing ones) and virtme-ng from PyPI in a venv
# under the cache directory.  Safe to run again; quiet when all is there.
set -euo pipefail
. "$(dirname "$0")/common.sh"

APT_PKGS=(
	build-essential flex bison bc libelf-dev libssl-dev cpio xz-utils kmod
	pkg-config libmnl-dev rsync linux-source-6.1 linux-headers-amd64 dwarves
	qemu-system-x86 python3 python3-venv python3-pip udev
	iproute2 ethtool tcpdump iputils-ping iputils-arping python3-scapy
	bochs bochsbios vgabios bochs-x xvfb xauth busybox-static
	isolinux syslinux-common xorriso
	openvswitch-switch nfdump tshark
)

missing=()
for p in "${APT_PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	rz_log "installing apt packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >&2
	apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$RZ_CACHE"
if [ ! -x "$RZ_CACHE/venv/bin/vng" ]; then
	rz_log "installing virtme-ng from PyPI into $RZ_CACHE/venv"
	python3 -m venv "$RZ_CACHE/venv" >&2
	"$RZ_CACHE/venv/bin/pip" install -q virtme-ng >&2
fi
