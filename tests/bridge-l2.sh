#!/bin/bash
# mybridge as a learning L2 switch: three hosts (namespaces rz-ba, rz-bb,
# rz-bc, 10.1.0.1-3) on ports s1-s3 of br0 in rz-bs.  Flooding then
# learning, known unicast reaching only its port, static entries, MAC
# moves, ports leaving (nomaster, deletion, moving to another switch),
# refusals, and unloading with ports attached.
. "$(dirname "$0")/harness/testlib.sh"
# rz-debug-kernel: also run on the debug kernel (see check.sh).

hosts="rz-ba rz-bb rz-bc"
trap 'rz_netns_del $hosts rz-bs; rmmod mybridge 2>/dev/null' EXIT
check "load mybridge" rz_insmod mybridge

setup() {
	local i=1 h
	rz_netns $hosts rz-bs || return 1
	# No IPv6 link-local addresses: their router solicitations and
	# MLD reports would flood and blur the per-port counts.
	ip -n rz-bs link add br0 type mybridge &&
	ip -n rz-bs link set br0 addrgenmode none || return 1
	for h in $hosts; do
		ip -n rz-bs link add s$i type veth peer name eth0 netns $h &&
		ip -n rz-bs link set s$i addrgenmode none &&
		ip -n $h link set eth0 addrgenmode none &&
		ip -n $h link set eth0 address 02:00:00:00:00:0$i &&
		ip -n $h addr add 10.1.0.$i/24 dev eth0 &&
		ip -n $h link set eth0 up &&
		ip -n rz-bs link set s$i master br0 &&
		ip -n rz-bs link set s$i up || return 1
		i=$((i + 1))
	done
	ip -n rz-bs link set br0 up || return 1
	# Fixed neighbours: no ARP traffic to blur the per-port counts (the
	# first frame to each host is still flooded, then learned).
	for h in $hosts; do
		for i in 1 2 3; do
			ip -n $h neigh replace 10.1.0.$i nud permanent \
				lladdr 02:00:00:00:00:0$i dev eth0 || return 1
		done
	done
}
check "br0 with three ports" setup
check_output "ip link shows s1 enslaved to br0" 'master br0' \
	ip -n rz-bs link show s1
check_output "swctl show br0 lists the three ports" \
	'port s1:.*port s2:.*port s3:' sh -c \
	"ip netns exec rz-bs swctl show br0 | tr '\n' ' '"

check_output "ping 10.1.0.2 from rz-ba" ' 0% packet loss' \
	ip netns exec rz-ba ping -n -c 2 -w 10 10.1.0.2
check_output "ping 10.1.0.3 from rz-ba" ' 0% packet loss' \
	ip netns exec rz-ba ping -n -c 2 -w 10 10.1.0.3
check_output "swctl fdb: rz-ba's MAC learned on s1" \
	'^02:00:00:00:00:01 vlan 0 port s1 learned age [0-9]+s$' \
	ip netns exec rz-bs swctl fdb br0
check_output "swctl -j fdb is JSON with three learned entries" '^3$' sh -c \
	"ip netns exec rz-bs swctl -j fdb br0 | /usr/bin/python3 -c 'import json,sys; print(sum(e[\"type\"] == \"learned\" for e in json.load(sys.stdin)))'"

# port_tx PORT: packets the switch sent out of PORT.
port_tx() {
	ip netns exec rz-bs swctl -j show br0 | /usr/bin/python3 -c "
import json, sys
for p in json.load(sys.stdin)[0]['ports']:
    if p['ifname'] == '$1':
        print(p['stats']['tx_packets'])"
}
# Known unicast goes to its port only: s3 sees none of rz-ba <-> rz-bb.
s3_before=$(port_tx s3)
check_output "ping 10.1.0.2 five times" ' 0% packet loss' \
	ip netns exec rz-ba ping -n -c 5 -i 0.2 -w 10 10.1.0.2
check_output "none of it went out of s3" "^$s3_before\$" port_tx s3

# A static entry, through the switch device with `via PORT`.
check "bridge fdb add 02:00:00:00:00:99 dev br0 self static via s2" \
	bridge -n rz-bs fdb add 02:00:00:00:00:99 dev br0 self static via s2
check_output "bridge fdb show lists it" '02:00:00:00:00:99 dev br0 via s2 self static|02:00:00:00:00:99 .*self.*static' \
	bridge -n rz-bs fdb show dev br0
check_output "swctl fdb shows it static on s2" \
	'^02:00:00:00:00:99 vlan 0 port s2 static' ip netns exec rz-bs swctl fdb br0
s2_before=$(port_tx s2)
s3_before=$(port_tx s3)
check "rz-ba sends to 02:00:00:00:00:99 (a neighbour entry)" sh -c "
	ip -n rz-ba neigh add 10.1.0.99 lladdr 02:00:00:00:00:99 dev eth0 &&
	ip netns exec rz-ba ping -n -c 3 -i 0.2 -W 1 10.1.0.99 >/dev/null; true"
check_output "the frames went out of s2" "^$((s2_before + 3))\$" port_tx s2
check_output "and not out of s3" "^$s3_before\$" port_tx s3
check_fails "a multicast MAC cannot be a static entry" \
	bridge -n rz-bs fdb add 01:00:5e:00:00:01 dev br0 self static via s2
check_fails "via a device that is not a port is refused" \
	bridge -n rz-bs fdb add 02:00:00:00:00:98 dev br0 self static via lo
check "bridge fdb del" bridge -n rz-bs fdb del 02:00:00:00:00:99 dev br0 self

# A MAC move: rz-bc takes rz-bb's address (and rz-ba is told).
check "rz-bc takes 02:00:00:00:00:02" sh -c "
	ip -n rz-bc link set eth0 address 02:00:00:00:00:02 &&
	ip -n rz-ba neigh replace 10.1.0.3 lladdr 02:00:00:00:00:02 \
		dev eth0 nud permanent"
check_output "ping from rz-bc" ' 0% packet loss' \
	ip netns exec rz-bc ping -n -c 2 -w 10 10.1.0.1
check_output "02:00:00:00:00:02 moved to s3" \
	'^02:00:00:00:00:02 vlan 0 port s3 learned' ip netns exec rz-bs swctl fdb br0
check_output "the move is counted" ' moved [1-9]' \
	ip netns exec rz-bs swctl show br0

# Ports leaving.
check "ip link set s3 nomaster" ip -n rz-bs link set s3 nomaster
check_fails "s3 has no master" sh -c "ip -n rz-bs link show s3 | grep -q master"
check_fails "its entries are gone" sh -c \
	"ip netns exec rz-bs swctl fdb br0 | grep -q 'port s3'"
check_output "swctl show lists two ports" '^2$' sh -c \
	"ip netns exec rz-bs swctl -j show br0 | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)[0][\"ports\"]))'"
check "delete port s2's device" ip -n rz-bs link del s2
check_output "one port left" 'port s1:' ip netns exec rz-bs swctl show br0
check "a second switch br1" ip -n rz-bs link add br1 type mybridge
check "s1 moves from br0 to br1" ip -n rz-bs link set s1 master br1
check_output "br0 has no port, br1 has s1" '^0 1$' sh -c \
	"ip netns exec rz-bs swctl -j show | /usr/bin/python3 -c 'import json,sys; d={b[\"ifname\"]: len(b[\"ports\"]) for b in json.load(sys.stdin)}; print(d[\"br0\"], d[\"br1\"])'"

# Refusals, with the kernel's reason.
check_output "a switch cannot be its own port" 'cannot be its own port' \
	sh -c "ip -n rz-bs link set br0 master br0 2>&1; true"
check_output "loopback cannot be a port" 'loopback' \
	sh -c "ip -n rz-bs link set lo master br0 2>&1; true"
check_output "swctl on a device that is not a switch" 'not a mybridge device' \
	sh -c "ip netns exec rz-bs swctl show lo 2>&1; true"

# Unloading with ports attached releases them.
check "ip link set s3 master br0 again" ip -n rz-bs link set s3 master br0
check "rmmod mybridge with ports attached" timeout 60 rmmod mybridge
check_fails "s3 was released" sh -c "ip -n rz-bs link show s3 | grep -q master"
check_output "s3 still works as a plain device" 'state UP' \
	ip -n rz-bs link show s3
rz_done
