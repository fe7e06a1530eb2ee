#!/bin/bash
# make demo: what ringzero does today, shown in the emulated machines.
# Builds (or reuses) the test kernel, the modules and tools, then
#  - in QEMU: loads the network modules, asks them for their versions through
#    generic netlink, runs a VXLAN tunnel between myvxlan and Linux's vxlan
#    in two namespaces and pings across it, creates a mybridge device;
#  - in Bochs (VT-x with EPT): shows the vmx/ept CPU flags, runs a
#    real-mode guest under kvm-intel, then the same guest under myvmx
#    (`vmctl run`).
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$RZ_ROOT"

"$RZ_ROOT/tests/harness/deps.sh"
kdir=$(tests/harness/kernel.sh)
tests/harness/build.sh "$kdir" "$RZ_BUILD/mod-test"
make -s -C tools
make -s -C tests/guests
mkdir -p "$RZ_BUILD/demo"

echo "== QEMU: the modules in a VM, and a tunnel to Linux's vxlan"
tests/harness/qemu.sh "$kdir" "$RZ_BUILD/demo" \
	tests/harness/demo-guest.sh "$RZ_BUILD/mod-test"

echo "== Bochs: VT-x with EPT; a real-mode guest under kvm-intel, then myvmx"
TIMEOUT=600 tests/harness/bochs.sh "$kdir" "$RZ_BUILD/mod-test" \
	"$RZ_BUILD/demo/bochs" tests/bochs/selftest.sh |
	sed -n '/^RZ-BOOTED/,/^RZ-EXIT/p'
