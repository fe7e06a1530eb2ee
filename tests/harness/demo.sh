#!/bin/bash
# make demo: what ringzero does today, shown in the emulated machines.
# Builds (or reuses) the test kernel, the modules and tools, then
#  - in QEMU: loads the four modules, asks them for their versions through
#    generic netlink, creates and deletes a myvxlan and a mybridge device;
#  - in Bochs (VT-x with EPT): shows the vmx/ept CPU flags and runs a
#    real-mode guest under kvm-intel to its port I/O exits.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$RZ_ROOT"

"$RZ_ROOT/tests/harness/deps.sh"
kdir=$(tests/harness/kernel.sh)
tests/harness/build.sh "$kdir" "$RZ_BUILD/mod-test"
make -s -C tools
make -s -C tests/guests
mkdir -p "$RZ_BUILD/demo"

echo "== QEMU: the modules in a VM"
tests/harness/qemu.sh "$kdir" "$RZ_BUILD/demo" "bash -c '
	set -x
	for m in myvmx myvdev myvxlan mybridge; do
		insmod $RZ_BUILD/mod-test/mod-*/\$m.ko
	done
	ls -l /dev/myvmx
	tools/vmctl version
	tools/swctl -j version
	ip link add vx0 type myvxlan
	ip link add br0 type mybridge
	ip -d link show type myvxlan
	ip -d link show type mybridge
	ip link del vx0; ip link del br0
	rmmod mybridge myvxlan myvdev myvmx
'"

echo "== Bochs: VT-x with EPT, and a real-mode guest under kvm-intel"
TIMEOUT=600 tests/harness/bochs.sh "$kdir" "$RZ_BUILD/mod-test" \
	"$RZ_BUILD/demo/bochs" tests/bochs/selftest.sh |
	sed -n '/^RZ-BOOTED/,/^RZ-EXIT/p'
