#!/bin/bash
# myvxlan's forwarding database and receive checks, against Linux vxlan
# peers: head-end replication to two remotes, learning and ageing,
# nolearning, maxaddress, swctl's view, and malformed VXLAN packets
# dropped and counted by reason.
#
# Underlay: namespaces rz-fa (myvxlan, 10.0.0.1), rz-fb (10.0.0.2) and
# rz-fc (10.0.0.3), both Linux vxlan, joined by a Linux bridge in rz-fu.
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-fa rz-fb rz-fc rz-fu

setup_underlay() { rz_netns $RZ_NETNS && rz_hub rz-fu rz-fa rz-fb rz-fc; }
check "underlay: three namespaces on a bridge" setup_underlay

# The Linux peers point their BUM traffic at rz-fa.
for n in b c; do
	check "Linux vxlan in rz-f$n" sh -c "
		ip -n rz-f$n link add vx0 type vxlan id 42 remote 10.0.0.1 \
			dstport 4789 dev eth0 &&
		ip -n rz-f$n addr add 192.168.99.$([ $n = b ] && echo 2 || echo 3)/24 dev vx0 &&
		ip -n rz-f$n link set vx0 up"
done

check "myvxlan with no remote and ageing 3" \
	ip -n rz-fa link add vx0 type myvxlan id 42 local 10.0.0.1 \
	dstport 4789 dev eth0 ageing 3
check "replication list: append 10.0.0.2" \
	bridge -n rz-fa fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
check "replication list: append 10.0.0.3" \
	bridge -n rz-fa fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
check_fails "appending the same remote twice is refused" \
	bridge -n rz-fa fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
check_output "bridge fdb show lists both remotes" \
	'00:00:00:00:00:00 dst 10.0.0.2 self permanent' \
	bridge -n rz-fa fdb show dev vx0
check_output "bridge fdb show lists the second remote" \
	'00:00:00:00:00:00 dst 10.0.0.3 self permanent' \
	bridge -n rz-fa fdb show dev vx0
ip -n rz-fa addr add 192.168.99.1/24 dev vx0
ip -n rz-fa link set vx0 up

amac=$(ip -n rz-fa -br link show vx0 | awk '{print $3}')
bmac=$(ip -n rz-fb -br link show vx0 | awk '{print $3}')
check_output "ping rz-fb across the tunnel" ' 0% packet loss' \
	ip netns exec rz-fa ping -n -c 2 -W 3 192.168.99.2
check_output "ping rz-fc across the tunnel" ' 0% packet loss' \
	ip netns exec rz-fa ping -n -c 2 -W 3 192.168.99.3
# The ARP request for rz-fb was replicated to rz-fc too: it learned us.
check_output "rz-fc received the replicated broadcast" \
	"^$amac dst 10.0.0.1 " bridge -n rz-fc fdb show dev vx0
check_output "myvxlan learned rz-fb's MAC behind 10.0.0.2" \
	"^$bmac dst 10.0.0.2 learned" ip netns exec rz-fa swctl vxlan fdb vx0
check_output "swctl -j vxlan fdb is JSON" \
	"\\{\"mac\":\"$bmac\",\"dst\":\"10.0.0.2\",\"type\":\"learned\"" \
	ip netns exec rz-fa swctl -j vxlan fdb vx0
check_output "swctl vxlan show: the device and its VNI" \
	'^vx0: vni 42 local 10.0.0.1 dev eth0 dstport 4789 learning 1 ageing 3' \
	ip netns exec rz-fa swctl vxlan show vx0
check_output "swctl -j vxlan show counts transmitted packets" \
	'"tx_packets":[1-9]' ip netns exec rz-fa swctl -j vxlan show vx0
check_output "ethtool -S counts learned entries" 'fdb_learned: [1-9]' \
	ip netns exec rz-fa ethtool -S vx0

aged() {
	local i
	for i in $(seq 30); do
		ip netns exec rz-fa swctl vxlan fdb vx0 | grep -q "^$bmac" ||
			return 0
		sleep 1
	done
	return 1
}
check "the learned entry ages out (ageing 3)" aged
check_output "the static replication list stays" \
	'00:00:00:00:00:00 dst 10.0.0.3 static' \
	ip netns exec rz-fa swctl vxlan fdb vx0

# An operator's entry over a learned one: add refuses (NLM_F_EXCL, as
# Linux vxlan does), replace makes it static.
relearn() {
	ip netns exec rz-fa ping -n -c 1 -W 3 192.168.99.2 > /dev/null &&
	ip netns exec rz-fa swctl vxlan fdb vx0 | grep -q "^$bmac"
}
check "rz-fb's MAC is learned again" relearn
check_fails "bridge fdb add over a learned entry is refused" \
	bridge -n rz-fa fdb add "$bmac" dev vx0 dst 10.0.0.2
check "bridge fdb replace makes it static" \
	bridge -n rz-fa fdb replace "$bmac" dev vx0 dst 10.0.0.2
check_output "swctl shows it static" "^$bmac dst 10.0.0.2 static" \
	ip netns exec rz-fa swctl vxlan fdb vx0
check "bridge fdb del removes it" bridge -n rz-fa fdb del "$bmac" dev vx0
check "swctl vxlan flush" ip netns exec rz-fa swctl vxlan flush vx0
check_fails "flush removes the static replication list too" sh -c \
	"ip netns exec rz-fa swctl vxlan fdb vx0 | grep -q '^00:00:00:00:00:00'"

# nolearning and maxaddress on a second device (VNI 43).
check "myvxlan nolearning maxaddress 2" \
	ip -n rz-fa link add vx1 type myvxlan id 43 local 10.0.0.1 \
	dev eth0 nolearning maxaddress 2
check "first FDB entry" \
	bridge -n rz-fa fdb append 00:00:00:00:00:00 dev vx1 dst 10.0.0.2
check "second FDB entry" \
	bridge -n rz-fa fdb add 52:54:00:aa:bb:cc dev vx1 dst 10.0.0.3
check_fails "maxaddress refuses a third entry" \
	bridge -n rz-fa fdb add 52:54:00:aa:bb:cd dev vx1 dst 10.0.0.3
ip -n rz-fb link add vx1 type vxlan id 43 remote 10.0.0.1 dstport 4789 dev eth0
ip -n rz-fb addr add 192.168.98.2/24 dev vx1
ip -n rz-fb link set vx1 up
ip -n rz-fa addr add 192.168.98.1/24 dev vx1
ip -n rz-fa link set vx1 up
check_output "ping over the nolearning device" ' 0% packet loss' \
	ip netns exec rz-fa ping -n -c 2 -W 3 192.168.98.2
check_output "nolearning: nothing learned" 'fdb_learned: 0$' \
	ip netns exec rz-fa ethtool -S vx1
check_fails "a missing dst is refused" \
	bridge -n rz-fa fdb add 52:54:00:aa:bb:ce dev vx1
check_fails "a dst of the wrong family is refused" \
	bridge -n rz-fa fdb add 52:54:00:aa:bb:ce dev vx1 dst fd00::1

# Malformed VXLAN packets, sent from rz-fb as plain UDP payloads.
send() {
	ip netns exec rz-fb python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(bytes.fromhex(sys.argv[1]), ("10.0.0.1", 4789))' "$1"
}
stat() {
	ip netns exec rz-fa ethtool -S vx0 | awk -v k="$1:" '$1 == k {print $2}'
}
inner=ffffffffffff0000000000010806
check "send: I flag clear" send "00000000 00002a00 $inner"
check "send: a reserved flag bit" send "08000001 00002a00 $inner"
check "send: the reserved VNI byte" send "08000000 00002a01 $inner"
check "send: truncated inner frame" send "08000000 00002a00 ffff"
check "send: header cut short" send "080000"
check "send: unknown VNI" send "08000000 00999900 $inner"
sleep 1
check_output "rx_drop_flags counted" '^1$' stat rx_drop_flags
check_output "rx_drop_reserved counts both reserved cases" '^2$' \
	stat rx_drop_reserved
check_output "rx_drop_truncated counted" '^1$' stat rx_drop_truncated
check_output "ip -s link counts the drops" \
	'RX: +bytes +packets +errors +dropped' ip -n rz-fa -s link show vx0
check_output "rx dropped is 4" '^4$' sh -c \
	"ip -n rz-fa -s -j link show vx0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats64\"][\"rx\"][\"dropped\"])'"
diag() {
	echo "--- diag"; ps -eo pid,stat,wchan:32,cmd | grep -v ' S  *\(-\|do_sel\|ep_poll\)' | head -40
	for p in $(ps -eo pid,stat | awk '$2 ~ /D/ {print $1}'); do echo "pid $p"; cat /proc/$p/stack; done
	dmesg | tail -20
}
relearn_any() {
	timeout 20 ip netns exec rz-fa ping -n -c 1 -W 3 192.168.99.2 || { diag; return 1; }
}
check "bridge fdb append restores the replication list" \
	timeout 20 bridge -n rz-fa fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
check_output "the tunnel still works" ' 0% packet loss' relearn_any

rz_vxlan_end
