#!/bin/bash
# The QEMU test machine: boot KERNEL_DIR (a kbuild tree from kernel.sh)
# with virtme-ng on the host's root filesystem, one vCPU, run COMMAND
# inside, and exit with its status.  RESULTS is writable from the guest.
#
# usage: qemu.sh KERNEL_DIR RESULTS COMMAND...
#
# KVM is used when /dev/kvm can really boot a guest here (checked once per
# machine and kernel by booting the test kernel with a short time limit),
# otherwise QEMU emulates the CPU (TCG) and counts time in instructions
# (-icount), so that guest-measured rates are repeatable.
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$1 results=$2
shift 2
vng="$RZ_CACHE/venv/bin/vng"
export PATH="$RZ_CACHE/venv/bin:$PATH"
# vng finds the kernel's modules (for modprobe in the guest) through this.
export KBUILD_OUTPUT="$kdir"
[ -x "$vng" ] || "$RZ_ROOT/tests/harness/deps.sh"
mkdir -p "$results"

# kunit.enable: the test kernel builds KUnit in but leaves it off unless
# asked, so that benchmarks boot without it.
# The cache (the kernel's modules) is mounted explicitly: virtme-ng puts a
# tmpfs over /var/cache in the guest.
common=(--run "$kdir" --cpus 1 --memory 2G --rwdir "$results" --cwd "$RZ_ROOT"
	--rodir "$RZ_CACHE" --append kunit.enable=1)

kvm_works() {
	local verdict="$RZ_CACHE/kvm-verdict-$(uname -r)-$(basename "$kdir")"
	if [ ! -f "$verdict" ]; then
		if [ -w /dev/kvm ] &&
		   timeout 120 "$vng" "${common[@]}" --exec "echo rz-kvm-ok" \
			2>/dev/null </dev/null | grep -q rz-kvm-ok; then
			echo yes > "$verdict"
		else
			echo no > "$verdict"
		fi
		rz_log "KVM usable for guests: $(cat "$verdict")"
	fi
	[ "$(cat "$verdict")" = yes ]
}

# Under TCG the CPU is QEMU's "max" (an AMD) without SVM and VMX: this is
# the machine without hardware virtualization, where myvmx must refuse
# to load; the VMM machines are vmm-machine.sh's.
accel=()
if ! kvm_works; then
	accel=(--disable-kvm --qemu-opts="-cpu max,-svm,-vmx")
	[ "${RZ_ICOUNT:-0}" = 1 ] && accel+=(--qemu-opts="-icount shift=0,sleep=off")
fi
# RZ_QEMU_OPTS: more QEMU options, e.g. "-s" for a gdb stub on :1234.
[ -n "${RZ_QEMU_OPTS:-}" ] && accel+=(--qemu-opts="$RZ_QEMU_OPTS")
exec "$vng" "${common[@]}" "${accel[@]}" --exec "$*" </dev/null
