#!/bin/bash
# ringzero's data path across two sites: at each, a host behind mybridge
# whose other port is a myvxlan tunnel to the other site.
#
#   rz-xh1 (10.9.0.1) -- vp0 [br0 in rz-xa] vx0 ==VXLAN 100== vx0 [br0
#   in rz-xb] vp0 -- rz-xh2 (10.9.0.2); underlay 10.0.0.1 -- 10.0.0.2.
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-xa rz-xb rz-xh1 rz-xh2
check "load mybridge" rz_insmod mybridge

# site SITE HOST N REMOTE: the switch, its two ports and the host.
site() {
	local s=$1 h=$2 n=$3 remote=$4
	ip -n "$s" link add br0 type mybridge &&
	ip -n "$s" link add vx0 type myvxlan id 100 remote "$remote" \
		dev eth0 &&
	ip -n "$s" link add vp0 type veth peer name eth0 netns "$h" &&
	ip -n "$h" link set eth0 mtu 1450 address "02:00:00:00:09:0$n" &&
	ip -n "$h" addr add "10.9.0.$n/24" dev eth0 &&
	ip -n "$h" link set eth0 up &&
	ip -n "$s" link set vp0 mtu 1450 &&
	ip -n "$s" link set vp0 master br0 && ip -n "$s" link set vp0 up &&
	ip -n "$s" link set vx0 master br0 && ip -n "$s" link set vx0 up &&
	ip -n "$s" link set br0 up
}
setup() {
	rz_netns $RZ_NETNS && rz_underlay rz-xa rz-xb &&
	site rz-xa rz-xh1 1 10.0.0.2 && site rz-xb rz-xh2 2 10.0.0.1
}
check "two sites: mybridge with a host and a myvxlan port each" setup
check_output "myvxlan vx0 is a port of br0" 'port vx0:' \
	ip netns exec rz-xa swctl show br0

check_output "ping from site to site" ' 0% packet loss' \
	ip netns exec rz-xh1 ping -n -c 3 -w 15 10.9.0.2
check_output "the largest ping that fits the tunnel, DF set" ' 0% packet loss' \
	ip netns exec rz-xh1 ping -n -c 2 -w 15 -M do -s 1422 10.9.0.2
check_output "br0 in rz-xa learned rz-xh2 behind vx0" \
	'^02:00:00:00:09:02 vlan 0 port vx0 learned' \
	ip netns exec rz-xa swctl fdb br0
check_output "vx0 in rz-xa learned it behind 10.0.0.2" \
	'^02:00:00:00:09:02 dst 10\.0\.0\.2 learned' \
	ip netns exec rz-xa swctl vxlan fdb vx0
check_output "br0 in rz-xb learned rz-xh1 behind vx0" \
	'^02:00:00:00:09:01 vlan 0 port vx0 learned' \
	ip netns exec rz-xb swctl fdb br0

check "rmmod mybridge releases vx0" timeout 60 rmmod mybridge
check_fails "vx0 has no master any more" sh -c \
	"ip -n rz-xa link show vx0 | grep -q master"
rz_vxlan_end
