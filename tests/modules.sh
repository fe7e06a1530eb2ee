#!/bin/bash
# The modules load, register what they claim (the genl families, the rtnl
# link kinds) and unload without a trace.  This machine (QEMU TCG, an AMD
# CPU without SVM) has no hardware virtualization: myvmx must refuse to
# load, saying why in one line; its loading and /dev/myvmx are tested in
# the VMM machines (tests/vmm/), with myvdev, whose devices plug into it.
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

dmesg -C
check_fails "insmod myvmx refuses a CPU without AMD-V" rz_insmod myvmx
check_output "and says why in one kernel log line" \
	'^myvmx: no AMD-V: CPUID 0x80000001:ECX\.SVM is clear$' \
	sh -c "dmesg | sed 's/^\[[ 0-9.]*\] //' | grep '^myvmx'"
check_fails "/dev/myvmx does not exist" test -e /dev/myvmx
check_fails "vmctl version fails without myvmx" vmctl version
check_fails "insmod myvdev needs myvmx" rz_insmod myvdev

for m in myvxlan mybridge; do
	check "insmod $m" rz_insmod $m
done

check_output "swctl version reports mybridge" \
	'^mybridge 0\.1\.0 \(genl api 1\)$' swctl version
check_output "swctl version reports myvxlan" \
	'^myvxlan 0\.1\.0 \(genl api 1\)$' swctl version
check_output "swctl -j version prints JSON" \
	'^\{"swctl":"0\.1\.0","mybridge":\{"version":"0\.1\.0","genl_api":1\},"myvxlan":\{"version":"0\.1\.0","genl_api":1\}\}$' \
	swctl -j version
check_fails "vmctl rejects an unknown command" vmctl frobnicate

for kind in myvxlan mybridge; do
	check "ip link add x type $kind" ip link add rz-$kind type $kind
	check_output "ip -d link show reports kind $kind" "^ +$kind " \
		ip -d link show rz-$kind
	check "ip link set up" ip link set rz-$kind up
	check "ip link del" ip link del rz-$kind
	check_fails "the device is gone" ip link show rz-$kind
done

check "a device inside a namespace dies with it" sh -c '
	ip netns add rz-modules &&
	ip -n rz-modules link add rz-v type myvxlan &&
	ip -n rz-modules link add rz-b type mybridge &&
	ip netns del rz-modules'

for m in mybridge myvxlan; do
	check "rmmod $m" rz_rmmod $m
done
check_fails "the mybridge family is gone after rmmod" swctl version

rz_done
