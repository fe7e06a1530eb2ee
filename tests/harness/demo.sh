#!/bin/bash
# make demo: what ringzero does today, shown in the emulated machines.
# Builds (or reuses) the test kernel, the modules and tools, then
#  - in QEMU: loads the network modules, asks them for their versions through
#    generic netlink, runs a VXLAN tunnel between myvxlan and Linux's vxlan
#    in two namespaces and pings across it, creates a mybridge device;
#  - in QEMU as an AMD EPYC (AMD-V with nested paging) and in Bochs (VT-x
#    with EPT): shows the CPU flags, runs a real-mode guest under the
#    machine's KVM, then the same guest under myvmx (`vmctl run`) on the
#    matching backend; on AMD-V, a Linux guest booted by myvmx with
#    myvdev's in-kernel platform (tests/vmm/vdev-linux.sh).
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

echo "== QEMU as an AMD EPYC: AMD-V; a real-mode guest under kvm_amd, then myvmx;"
echo "   then Linux booted by myvmx in kernel threads, its devices in myvdev"
MACHINE=svm TIMEOUT=900 tests/harness/vmm-machine.sh "$kdir" \
	"$RZ_BUILD/mod-test" "$RZ_BUILD/demo/svm" tests/vmm/selftest.sh \
	tests/vmm/vdev-linux.sh |
	sed -n '/^RZ-BOOTED/,/^RZ-EXIT/p'

echo "== Bochs: VT-x with EPT; a real-mode guest under kvm_intel, then myvmx"
TIMEOUT=600 tests/harness/vmm-machine.sh "$kdir" "$RZ_BUILD/mod-test" \
	"$RZ_BUILD/demo/bochs" tests/vmm/selftest.sh |
	sed -n '/^RZ-BOOTED/,/^RZ-EXIT/p'
