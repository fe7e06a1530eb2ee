#!/bin/bash
# The overlay picture, on both VMM machines: two network namespaces of
# the emulated host, each with a mybridge whose ports are a myvxlan
# device (VNI 42) and the virtio-net NIC of a Linux guest (one named by
# vmctl --net ...,name=), joined by a veth underlay (192.0.2.0/24).  The
# guests ping each other across the tunnel; a capture on the underlay
# shows their ICMP inside VXLAN.  Every hop (virtqueue, bridge, tunnel,
# veth) is in the kernel.
. "$RZ_ROOT/tests/harness/testlib.sh"

GUEST=/ringzero/guest
boot=(--kernel $GUEST/bzImage --initrd $GUEST/initrd.gz --mem 128M)
export IP_LIB_DIR=/ringzero/tools	# myvxlan, mybridge: the plugins
for m in myvmx myvdev mybridge myvxlan; do
	check "insmod $m" rz_insmod $m
done

# side NS N PEER: a mybridge br0 with vx0 (VNI 42 to 192.0.2.PEER).
side() {
	ip -n "$1" addr add "192.0.2.$2/24" dev eth0 &&
	ip -n "$1" link set eth0 up &&
	ip -n "$1" link add br0 type mybridge &&
	ip -n "$1" link add vx0 type myvxlan id 42 remote "192.0.2.$3" \
		dstport 4789 &&
	ip -n "$1" link set vx0 master br0 &&
	ip -n "$1" link set vx0 up && ip -n "$1" link set br0 up
}
check "namespaces ova and ovb" rz_netns ova ovb
check "the veth underlay" ip -n ova link add eth0 type veth peer name eth0 \
	netns ovb
check "ova: a mybridge with a myvxlan port" side ova 1 2
check "ovb: the same, towards ova" side ovb 2 1

check_output "a guest in ovb, its NIC on ovb's bridge" \
	'^started vm [0-9]+ \(ovb\)$' ip netns exec ovb vmctl start ovb \
	"${boot[@]}" --net br0,mac=52:54:00:00:0b:02,name=ovb-nic \
	--cmdline "rz.ip=10.9.0.2/24 rz.idle"
check_output "its NIC's netdev has the name given, is a port of br0, up" \
	'^[0-9]+: ovb-nic: <[^>]*,UP[,>].* master br0 ' \
	ip -n ovb -o link show ovb-nic
: > /tmp/ovb.out
check "its eth0 is up" rz_console_until ovb /tmp/ovb.out '^eth0 '
# VXLAN whose inner frame is IPv4 (udp[28:2]) carrying ICMP (udp[39]).
ip netns exec ova tcpdump -Z root -n -l -i eth0 -c 2 \
	'udp port 4789 and udp[28:2] = 0x0800 and udp[39] = 1' \
	> /tmp/ov.cap 2>&1 &
cap=$!
ip netns exec ova vmctl run ova "${boot[@]}" \
	--net br0,mac=52:54:00:00:0a:01 \
	--cmdline "rz.ip=10.9.0.1/24 rz.ping=10.9.0.2" --timeout 1500 \
	> /tmp/ova.out 2>&1
check "a guest in ova pings it across the tunnel (vmctl run)" test $? = 0
tr -d '\r' < /tmp/ova.out > /tmp/ova.log
grep -E '^(eth0|ping|exit)' /tmp/ova.log | sed 's/^/  | /'
check_output "ping 10.9.0.2 ok" '^ping 10.9.0.2 ok$' cat /tmp/ova.log
sleep 2
kill $cap 2> /dev/null
wait $cap
sed 's/^/  | /' /tmp/ov.cap
check_output "the underlay carried VXLAN, VNI 42" 'VXLAN.*vni 42' \
	cat /tmp/ov.cap
check_output "with the guests' ICMP inside" \
	'10\.9\.0\.[12] > 10\.9\.0\.[12]: ICMP echo (request|reply)' \
	cat /tmp/ov.cap
check_output "ova's bridge learned ovb's guest behind vx0" \
	'52:54:00:00:0b:02.*vx0' ip netns exec ova swctl fdb br0
check_output "ovb's bridge learned it behind ovb-nic" \
	'52:54:00:00:0b:02.*ovb-nic' ip netns exec ovb swctl fdb br0
check "vmctl stop" vmctl stop ovb
check_fails "no panic, no oops" \
	grep -E 'Kernel panic|Oops|BUG:|WARNING:' /tmp/ova.log /tmp/ovb.out
rz_netns_del ova ovb
for m in myvdev myvmx myvxlan mybridge; do
	check "rmmod $m" rz_rmmod_settled $m
done
rz_done
