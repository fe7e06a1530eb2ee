#!/bin/bash
# mybridge under churn: ports leave and join, the FDB is flushed and the
# switch is deleted while traffic floods through it.  Nothing may crash,
# leak or warn (the harness checks the kernel log; on the debug kernel
# KASAN, lockdep and kmemleak watch too).
. "$(dirname "$0")/harness/testlib.sh"
# rz-debug-kernel: also run on the debug kernel (see check.sh).

hosts="rz-ca rz-cb"
trap 'rz_netns_del $hosts rz-cs; rmmod mybridge 2>/dev/null' EXIT
check "load mybridge" rz_insmod mybridge
rounds=${RZ_CHURN_ROUNDS:-10}

setup() {
	local i=1 h
	rz_netns $hosts rz-cs || return 1
	ip -n rz-cs link add br0 type mybridge &&
	ip -n rz-cs link set br0 up || return 1
	for h in $hosts; do
		ip -n rz-cs link add s$i type veth peer name eth0 netns $h &&
		ip -n $h addr add 10.3.0.$i/24 dev eth0 &&
		ip -n $h link set eth0 up &&
		ip -n rz-cs link set s$i master br0 &&
		ip -n rz-cs link set s$i up || return 1
		i=$((i + 1))
	done
}
check "br0 with two ports" setup
check_output "ping across" ' 0% packet loss' \
	ip netns exec rz-ca ping -n -c 2 -w 10 10.3.0.2

# Traffic both ways for the whole test: broadcast (flooded) and unicast.
ip netns exec rz-ca ping -n -q -i 0.01 -b 10.3.0.255 >/dev/null 2>&1 &
ip netns exec rz-cb ping -n -q -i 0.01 10.3.0.1 >/dev/null 2>&1 &

churn() {
	local r
	for r in $(seq "$rounds"); do
		ip -n rz-cs link set s2 nomaster &&
		ip -n rz-cs link set s2 master br0 &&
		ip netns exec rz-cs swctl flush br0 &&
		ip netns exec rz-cs swctl show br0 >/dev/null &&
		ip netns exec rz-cs swctl fdb br0 >/dev/null &&
		ip -n rz-cs link set br0 down && ip -n rz-cs link set br0 up ||
			return 1
	done
}
check "$rounds rounds of nomaster/master, flush, dumps, down/up" churn
check_output "traffic still flows" ' 0% packet loss' \
	ip netns exec rz-ca ping -n -c 2 -w 10 10.3.0.2
check "delete br0 under traffic" ip -n rz-cs link del br0
check "a new br0 takes the ports back" sh -c "
	ip -n rz-cs link add br0 type mybridge &&
	ip -n rz-cs link set s1 master br0 && ip -n rz-cs link set s2 master br0 &&
	ip -n rz-cs link set br0 up"
check "delete a port's peer namespace under traffic" rz_netns_del rz-cb
# The namespace is dismantled in the background: wait for s2 to go.
one_port() {
	local i
	for i in $(seq 40); do
		ip netns exec rz-cs swctl show br0 | grep -q 'port s2:' || return 0
		sleep 0.5
	done
	ip netns exec rz-cs swctl show br0
	return 1
}
check "s2 left the switch with its device" one_port
check "rmmod mybridge under traffic" timeout 60 rmmod mybridge
rz_netns_del $hosts rz-cs
check_fails "no device is waiting to be freed" sh -c \
	"dmesg | grep 'waiting for .* to become free'"
rz_done
