#!/bin/bash
# The four modules load, register what they claim (/dev/myvmx, the genl
# families, the rtnl link kinds) and unload without a trace.
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

for m in myvmx myvdev myvxlan mybridge; do
	check "insmod $m" rz_insmod $m
done

check_output "/dev/myvmx is a root-only character device" \
	'^c[rw-]{3}------ [0-9]+ root root' ls -l /dev/myvmx
check_fails "an unprivileged user cannot open /dev/myvmx" \
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	sh -c 'exec 3<>/dev/myvmx'
check_output "vmctl version talks to myvmx over genl and ioctl" \
	'^myvmx 0\.1\.0 \(genl api 1, /dev/myvmx api 1\)$' vmctl version
check_output "vmctl -j version prints JSON" \
	'^\{"vmctl":"0\.1\.0","myvmx":\{"version":"0\.1\.0","genl_api":1,"dev_api":1\}\}$' \
	vmctl -j version
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

for m in mybridge myvxlan myvdev myvmx; do
	check "rmmod $m" rz_rmmod $m
done
check_fails "/dev/myvmx is gone after rmmod" test -e /dev/myvmx
check_fails "the myvmx family is gone after rmmod" vmctl version

rz_done
