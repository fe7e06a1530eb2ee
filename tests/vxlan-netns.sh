#!/bin/bash
# myvxlan across network namespaces: a device moved to another namespace
# keeps its underlay socket in the namespace it was created in (that of
# its lower device) and still carries traffic; deleting either namespace
# deletes the device and releases the socket; nothing leaks (the module
# unloads and no device waits to be freed).
#
# rz-na (underlay 10.0.0.1, where vx0 is created) -- veth -- rz-nb (Linux
# vxlan 10.0.0.2); vx0 is then moved to rz-no, the overlay namespace.
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-na rz-nb rz-no rz-no2

setup() {
	rz_netns $RZ_NETNS && rz_underlay rz-na rz-nb &&
	ip -n rz-nb link add vx0 type vxlan id 70 remote 10.0.0.1 \
		dstport 4789 dev eth0 &&
	ip -n rz-nb addr add 192.168.70.2/24 dev vx0 &&
	ip -n rz-nb link set vx0 up
}
check "namespaces and the Linux vxlan peer" setup

udp_sockets() {
	ip netns exec "$1" ss -Hunl | grep -c ':4789 ' || true
}

check "myvxlan vx0 in rz-na" ip -n rz-na link add vx0 type myvxlan id 70 \
	remote 10.0.0.2 dstport 4789 dev eth0
check "move vx0 to rz-no" ip -n rz-na link set vx0 netns rz-no
check_fails "vx0 is gone from rz-na" ip -n rz-na link show vx0
check "vx0 up in rz-no" sh -c "
	ip -n rz-no addr add 192.168.70.1/24 dev vx0 &&
	ip -n rz-no link set vx0 up"
check_output "its underlay socket is in rz-na" '^1$' udp_sockets rz-na
check_output "none in rz-no" '^0$' udp_sockets rz-no
check_output "ip -d link shows the link namespace" 'link-netns rz-na' \
	ip -n rz-no -d link show vx0
check_output "ping from rz-no across the tunnel" ' 0% packet loss' \
	ip netns exec rz-no ping -n -c 2 -w 10 192.168.70.2
check_output "swctl in rz-no lists vx0" '^vx0:' \
	ip netns exec rz-no swctl vxlan show
check_output "swctl in rz-na lists nothing" '^$' \
	ip netns exec rz-na swctl vxlan show

check "delete rz-no: its devices go with it" ip netns del rz-no
check_output "the socket in rz-na is released" '^0$' udp_sockets rz-na

# The other way round: a device whose creating namespace dies.
check "myvxlan vx1 in rz-na, moved to rz-no2" sh -c "
	ip -n rz-na link add vx1 type myvxlan id 71 remote 10.0.0.2 \
		dev eth0 &&
	ip -n rz-na link set vx1 netns rz-no2 && ip -n rz-no2 link set vx1 up"
check_output "its socket is open in rz-na" '^1$' udp_sockets rz-na
check "delete rz-na" ip netns del rz-na
wait_gone() {
	local i
	for i in $(seq 20); do
		ip -n rz-no2 link show vx1 >/dev/null 2>&1 || return 0
		sleep 0.5
	done
	return 1
}
check "vx1 goes with its underlay namespace" wait_gone

# Created straight into another namespace (`ip link add ... netns`);
# rz-nb has no eth0 any more, its peer went with rz-na.
check "ip link add vx2 netns rz-no2 from rz-nb" \
	ip -n rz-nb link add vx2 netns rz-no2 type myvxlan id 72 \
	remote 10.0.0.1
check_output "vx2 is in rz-no2, its link in rz-nb" 'link-netns rz-nb' \
	ip -n rz-no2 -d link show vx2
check "delete rz-nb, then rz-no2" sh -c "ip netns del rz-nb && ip netns del rz-no2"

rz_vxlan_end
