#!/bin/bash
# myvxlan's ARP and neighbour discovery suppression (`proxy`) and its
# l2miss and l3miss notifications.
#
# rz-pa holds a Linux bridge joining myvxlan vx0 and a veth to rz-pv, the
# "VM".  rz-pb is the remote VTEP (Linux vxlan, 10.0.0.2) owning 10.1.1.2
# and fd01::2.  A control plane would fill rz-pa's neighbour table and
# FDB; the test does it by hand.  The VM's ARP request and neighbour
# solicitation must be answered by vx0 itself, never crossing the tunnel.
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-pa rz-pb rz-pv

remote_mac=52:54:00:00:01:02
vm_mac=52:54:00:00:01:01
setup() {
	rz_netns $RZ_NETNS && rz_underlay rz-pa rz-pb || return 1
	# The VM behind a Linux bridge, next to the VXLAN port.
	ip -n rz-pa link add br0 type bridge &&
	ip -n rz-pa link add vp0 type veth peer name vm0 netns rz-pv &&
	ip -n rz-pv link set vm0 address $vm_mac &&
	ip -n rz-pv addr add 10.1.1.1/24 dev vm0 &&
	ip -n rz-pv addr add fd01::1/64 dev vm0 nodad &&
	ip -n rz-pa link set vp0 master br0 up &&
	ip -n rz-pv link set vm0 up || return 1
	# The remote VTEP: it knows the VM's address as its control plane
	# would tell it (ARP answers do not cross a proxy tunnel).
	ip -n rz-pb link add vx0 address $remote_mac type vxlan id 50 \
		remote 10.0.0.1 dstport 4789 dev eth0 &&
	ip -n rz-pb addr add 10.1.1.2/24 dev vx0 &&
	ip -n rz-pb addr add fd01::2/64 dev vx0 nodad &&
	ip -n rz-pb link set vx0 up &&
	ip -n rz-pb neigh add 10.1.1.1 lladdr $vm_mac dev vx0 nud permanent &&
	ip -n rz-pb neigh add fd01::1 lladdr $vm_mac dev vx0 nud permanent
}
check "namespaces, bridge and the remote VTEP" setup

check "myvxlan proxy l3miss as a bridge port" sh -c "
	ip -n rz-pa link add vx0 type myvxlan id 50 local 10.0.0.1 \
		remote 10.0.0.2 dstport 4789 dev eth0 proxy l3miss &&
	ip -n rz-pa link set vx0 master br0 up && ip -n rz-pa link set br0 up"
check_output "ip -d link shows proxy and l3miss" 'proxy .*l3miss' \
	ip -n rz-pa -d link show vx0
check "the neighbour table knows 10.1.1.2 and fd01::2" sh -c "
	ip -n rz-pa neigh add 10.1.1.2 lladdr $remote_mac dev vx0 nud permanent &&
	ip -n rz-pa -6 neigh add fd01::2 lladdr $remote_mac dev vx0 nud permanent"
check "the FDB sends their MAC to 10.0.0.2" \
	bridge -n rz-pa fdb replace $remote_mac dev vx0 dst 10.0.0.2

stat() {
	ip netns exec rz-pa ethtool -S "$1" | awk -v k="$2:" '$1 == k {print $2}'
}

# Watch the underlay for ARP and ICMPv6 neighbour discovery inside VXLAN
# (inner EtherType at UDP payload offset 8 + 12) while the VM resolves.
ip netns exec rz-pb timeout 60 tcpdump -l -n -i eth0 -c 20 \
	'udp port 4789 and (udp[28:2] = 0x0806 or (udp[28:2] = 0x86dd and udp[36] = 58 and udp[70] >= 135 and udp[70] <= 136))' \
	>"$RZ_TMP/underlay" 2>"$RZ_TMP/tcpdump.err" &
cap=$!
ip netns exec rz-pa ip monitor neigh >"$RZ_TMP/monitor" 2>&1 &
mon=$!
sleep 3

check_output "arping: vx0 answers for 10.1.1.2 with the neighbour's MAC" \
	"reply from 10.1.1.2 \[${remote_mac^^}\]" \
	ip netns exec rz-pv arping -c 1 -w 10 -I vm0 10.1.1.2
check_output "ping 10.1.1.2 across the tunnel" ' 0% packet loss' \
	ip netns exec rz-pv ping -n -c 2 -W 5 10.1.1.2
check_output "ping -6 fd01::2: the solicitation is answered by vx0" \
	' 0% packet loss' ip netns exec rz-pv ping -n -6 -c 2 -W 5 fd01::2
check_output "the VM's neighbour entry for fd01::2 is the proxied MAC" \
	"lladdr $remote_mac" ip -n rz-pv -6 neigh show fd01::2 dev vm0
check_output "proxy_replies counts the ARP and NA answers" '^[2-9]$' \
	stat vx0 proxy_replies
check_output "swctl vxlan show reports proxy_replies" 'proxy_replies [2-9]' \
	ip netns exec rz-pa swctl vxlan show vx0

# l3miss: an address nobody told the neighbour table about.
check_fails "arping 10.1.1.9 gets no answer" \
	ip netns exec rz-pv arping -c 1 -w 3 -I vm0 10.1.1.9
check_output "l3miss counted" '^[1-9]' stat vx0 l3misses

# l2miss, on a second device with no replication list.
check "myvxlan l2miss without a remote" sh -c "
	ip -n rz-pa link add vx1 type myvxlan id 51 local 10.0.0.1 \
		dev eth0 l2miss &&
	ip -n rz-pa addr add 10.2.2.1/24 dev vx1 && ip -n rz-pa link set vx1 up &&
	ip -n rz-pa neigh add 10.2.2.5 lladdr 52:54:00:00:02:05 dev vx1 nud permanent"
check_fails "ping 10.2.2.5: no FDB entry, nowhere to send" \
	ip netns exec rz-pa timeout 20 ping -n -c 1 -w 3 10.2.2.5
check_output "l2miss counted" '^[1-9]' stat vx1 l2misses
check_output "tx_drop_no_remote counted" '^[1-9]' stat vx1 tx_drop_no_remote

sleep 2
kill "$cap" "$mon" 2>/dev/null
wait "$cap" "$mon" 2>/dev/null
check_output "ip monitor neigh: l3miss for 10.1.1.9 on vx0" \
	'^miss .*10\.1\.1\.9.*dev vx0|^miss .*dev vx0.*10\.1\.1\.9' cat "$RZ_TMP/monitor"
check_output "ip monitor neigh: l2miss for 52:54:00:00:02:05 on vx1" \
	'^miss .*dev vx1.*52:54:00:00:02:05|^miss .*52:54:00:00:02:05.*dev vx1' \
	cat "$RZ_TMP/monitor"
check_fails "no l2miss on vx0 (it has a replication list)" \
	grep -E '^miss .*dev vx0 .*lladdr 52' "$RZ_TMP/monitor"
check_output "tcpdump ran on the underlay" 'listening on eth0' \
	cat "$RZ_TMP/tcpdump.err"
check_output "no ARP or neighbour discovery crossed the tunnel" '^0 packets captured' \
	cat "$RZ_TMP/tcpdump.err"

rz_vxlan_end
