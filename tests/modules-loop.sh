#!/bin/bash
# insmod/rmmod myvxlan and mybridge 100 times (15 on the debug kernel),
# creating and deleting devices and querying the genl families in
# between; myvmx and myvdev, which need VT-x or AMD-V, cycle in the VMM
# machines (tests/vmm/).  The debug kernel's kmemleak and lockdep checks
# after the run (in-vm.sh) see everything this left behind.
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

# 100 cycles; 15 on the debug kernel (kmemleak), where a cycle takes
# 15 s and a leak shows as well after 15 as after 100.
cycles=${RZ_CYCLES:-100}
[ -e /sys/kernel/debug/kmemleak ] && cycles=${RZ_CYCLES:-15}

cycle() {
	local i m
	for i in $(seq "$cycles"); do
		for m in myvxlan mybridge; do
			rz_insmod $m || { echo "cycle $i: insmod $m"; return 1; }
		done
		# One ip process per cycle: process start-up dominates in TCG.
		ip -batch - <<-EOF || { echo "cycle $i: ip"; return 1; }
		link add rz-v type myvxlan
		link add rz-b type mybridge
		link set rz-v up
		link del rz-v
		EOF
		# The genl families answer (every tenth cycle: the debug
		# kernel is slow enough).
		if [ $((i % 10)) = 1 ]; then
			swctl version > /dev/null ||
				{ echo "cycle $i: genl"; return 1; }
		fi
		# rmmod with a device still present (rz-b) must remove it too.
		for m in mybridge myvxlan; do
			rz_rmmod $m || { echo "cycle $i: rmmod $m"; return 1; }
		done
		if [ $((i % 25)) = 0 ]; then echo "cycle $i done"; fi
	done
}

check "$cycles load/use/unload cycles" cycle
check_fails "no device outlives its module" ip link show rz-b
check_fails "no module is left loaded" sh -c 'lsmod | grep -E "^my(vmx|vdev|vxlan|bridge) "'
rz_done
