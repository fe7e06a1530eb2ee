#!/bin/bash
# myvxlan in multicast group mode, with Linux vxlan peers: BUM frames go
# to the group (IPv4 239.1.1.1 with `ttl 16`, then IPv6 ff05::1:60), the
# peers' floods come back through it, the answers are unicast and learned.
# The device joins the group on the underlay device and leaves it when the
# last device on the socket using that group goes.
#
# Underlay: rz-ga (myvxlan), rz-gb and rz-gc (Linux vxlan), each with an
# eth0 on a Linux bridge (no multicast snooping) in rz-gu.
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-ga rz-gb rz-gc rz-gu

setup_underlay() { rz_netns $RZ_NETNS && rz_hub rz-gu rz-ga rz-gb rz-gc; }
check "underlay: three namespaces on a bridge" setup_underlay

# overlay NS KIND VNI PREFIX ARGS...: vx$VNI of KIND in NS at PREFIX.N/24
overlay() {
	local n=$1 kind=$2 vni=$3 prefix=$4 i
	shift 4
	i=$(( $(printf '%d' "'${n#rz-g}") - 96 ))
	ip -n $n link add vx$vni type $kind id $vni "$@" &&
	ip -n $n link set vx$vni addrgenmode none &&
	ip -n $n addr add $prefix.$i/24 dev vx$vni &&
	ip -n $n link set vx$vni up
}

# Over IPv4.
check "myvxlan group 239.1.1.1 dev eth0 ttl 16" \
	overlay rz-ga myvxlan 60 192.168.60 group 239.1.1.1 dev eth0 ttl 16
for n in b c; do
	check "Linux vxlan in rz-g$n on the group" \
		overlay rz-g$n vxlan 60 192.168.60 group 239.1.1.1 dev eth0 \
		dstport 4789
done
check_output "ip -d link shows the group" 'group 239\.1\.1\.1 dev eth0' \
	ip -n rz-ga -d link show vx60
check_output "rz-ga joined 239.1.1.1 on eth0" 'inet +239\.1\.1\.1' \
	ip -n rz-ga maddr show dev eth0

ip netns exec rz-gb timeout 60 tcpdump -l -n -v -i eth0 -c 1 \
	'dst host 239.1.1.1 and src host 10.0.0.1' >"$RZ_TMP/cap" 2>&1 &
cap=$!
sleep 3
check_output "ping 192.168.60.2 (ARP over the group)" ' 0% packet loss' \
	ip netns exec rz-ga ping -n -c 2 -W 5 192.168.60.2
check_output "ping 192.168.60.3" ' 0% packet loss' \
	ip netns exec rz-ga ping -n -c 2 -W 5 192.168.60.3
check_output "rz-gc's flood reaches myvxlan through the group" \
	' 0% packet loss' ip netns exec rz-gc ping -n -c 2 -W 5 192.168.60.1
wait $cap
check_output "tcpdump: a VXLAN packet to the group with ttl 16, VNI 60" \
	'ttl 16,.*10\.0\.0\.1\.[0-9]+ > 239\.1\.1\.1\.4789: VXLAN, flags \[I\] \(0x08\), vni 60' \
	tr '\n' ' ' <"$RZ_TMP/cap"
check_output "both peers were learned by unicast address" \
	'dst 10\.0\.0\.2 .*dst 10\.0\.0\.3|dst 10\.0\.0\.3 .*dst 10\.0\.0\.2' \
	sh -c "bridge -n rz-ga fdb show dev vx60 | grep -v 00:00:00:00:00:00 | tr '\n' ' '"

# A second device on the same socket and group: the group stays joined
# until the last of them goes.
check "a second myvxlan device on the same group" \
	overlay rz-ga myvxlan 61 192.168.61 group 239.1.1.1 dev eth0
check "delete the first" ip -n rz-ga link del vx60
check_output "the group is still joined for the second" \
	'inet +239\.1\.1\.1' ip -n rz-ga maddr show dev eth0
check "delete the second" ip -n rz-ga link del vx61
check_fails "the group is left" sh -c \
	"ip -n rz-ga maddr show dev eth0 | grep -q '239\.1\.1\.1'"

# Over IPv6.
check "myvxlan group ff05::1:60 dev eth0" \
	overlay rz-ga myvxlan 62 192.168.62 group ff05::1:60 dev eth0
for n in b c; do
	check "Linux vxlan in rz-g$n on ff05::1:60" \
		overlay rz-g$n vxlan 62 192.168.62 group ff05::1:60 dev eth0 \
		dstport 4789
done
check_output "rz-ga joined ff05::1:60 on eth0" 'inet6 +ff05::1:60' \
	ip -n rz-ga maddr show dev eth0
check_output "ip -d link shows the IPv6 group" 'group ff05::1:60 dev eth0' \
	ip -n rz-ga -d link show vx62
check_output "MTU is the underlay's less 70" 'mtu 1430 ' \
	ip -n rz-ga link show vx62
check_output "ping 192.168.62.2 over the IPv6 group" ' 0% packet loss' \
	ip netns exec rz-ga ping -n -c 2 -W 5 192.168.62.2
check_output "rz-gc's flood reaches myvxlan over IPv6" ' 0% packet loss' \
	ip netns exec rz-gc ping -n -c 2 -W 5 192.168.62.1
check_output "peers learned by IPv6 unicast address" 'dst fd00::[23] ' \
	bridge -n rz-ga fdb show dev vx62
check "delete it" ip -n rz-ga link del vx62
check_fails "the IPv6 group is left" sh -c \
	"ip -n rz-ga maddr show dev eth0 | grep -q 'ff05::1:60'"

check_fails "a group without dev is refused" \
	ip -n rz-ga link add vx63 type myvxlan id 63 group 239.1.1.1
check_fails "a unicast address as group is refused" \
	ip -n rz-ga link add vx63 type myvxlan id 63 group 10.0.0.9 dev eth0

rz_vxlan_end
