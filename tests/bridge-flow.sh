#!/bin/bash
# mybridge's flow table: hosts rz-fa..rz-fd (10.1.0.1-4) on ports s1-s4
# of br0 in rz-fs.  Every action (drop, output, normal, flood, push,
# set and pop VLAN, mirror, controller with `swctl monitor`), priorities
# and masks, rule counters and the lookup cache, deletion (one rule, all,
# rules of a port that leaves) and refused input that changes nothing.
. "$(dirname "$0")/harness/testlib.sh"
# rz-debug-kernel: also run on the debug kernel (see check.sh).

hosts="rz-fa rz-fb rz-fc rz-fd"
tmp=$(mktemp -d /tmp/rz-flow.XXXXXX)
trap 'rz_netns_del $hosts rz-fs; rmmod mybridge 2>/dev/null; rm -rf "$tmp"' EXIT
check "load mybridge" rz_insmod mybridge
check "br0 with four ports" rz_switch mybridge rz-fs $hosts

sw() { ip netns exec rz-fs swctl "$@"; }
flows() { sw flows br0; }
nflows() { sw -j flows br0 | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
# rule_packets PRIO: the packet count of the rule of priority PRIO.
rule_packets() {
	sw -j flows br0 | /usr/bin/python3 -c "
import json, sys
for r in json.load(sys.stdin):
    if r['rule'].startswith('priority=$1,') or r['rule'].startswith('priority=$1 '):
        print(r['packets'])"
}
ping_ok() { ip netns exec "$1" ping -n -c "${3:-2}" -i 0.2 -w 10 "$2"; }
ping_fails() { ! ip netns exec "$1" ping -n -c 2 -i 0.2 -W 1 "$2"; }

# capture NS IFACE: start tcpdump -e in NS; capture_stop prints it.
capture() {
	ip netns exec "$1" timeout 60 tcpdump -n -U --immediate-mode -e -i "$2" \
		-w "$tmp/$1.pcap" 2> "$tmp/$1.err" &
	cap_pid=$! cap_ns=$1
	# tcpdump says "listening on" once it captures.
	for _ in $(seq 50); do
		grep -q listening "$tmp/$1.err" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
capture_stop() {
	sleep 0.5
	kill -INT "$cap_pid" 2>/dev/null
	wait "$cap_pid" 2>/dev/null
	tcpdump -n -e -r "$tmp/$cap_ns.pcap" 2>/dev/null
}

check_output "no rules: rz-fa pings rz-fb" ' 0% packet loss' ping_ok rz-fa 10.1.0.2
check_output "swctl flows br0 is empty" '^$' flows

# drop
check "flow add prio 100 in_port=s1,icmp,nw_dst=10.1.0.2 actions=drop" \
	sw flow add br0 prio 100 in_port=s1,icmp,nw_dst=10.1.0.2 actions=drop
check_output "swctl flows shows the rule in its text form" \
	'^priority=100,in_port=s1,icmp,nw_dst=10.1.0.2 actions=drop packets 0 bytes 0 used never age [0-9]+$' flows
drop0=$(rz_br_stat rz-fs drop_flow)
check "the rule drops rz-fa's pings to rz-fb" ping_fails rz-fa 10.1.0.2
check_output "rule counter: 2 packets" '^2$' rule_packets 100
check_output "drop_flow counted 2" "^$((drop0 + 2))\$" rz_br_stat rz-fs drop_flow
check_output "the rule was used moments ago" 'used_ms [0-9]+ ' flows
check_output "other traffic is switched normally: rz-fa pings rz-fc" \
	' 0% packet loss' ping_ok rz-fa 10.1.0.3

# output, at a higher priority; mask /24 against /32
check "flow add prio 200 in_port=s1,icmp,nw_dst=10.1.0.0/24 actions=output:s3" \
	sw flow add br0 prio 200 in_port=s1,icmp,nw_dst=10.1.0.0/24 actions=output:s3
capture rz-fc eth0
ping_fails rz-fa 10.1.0.2 > /dev/null
capture_stop > "$tmp/cap"
check_output "output:s3 sends rz-fa's requests for rz-fb to rz-fc" '^2$' \
	sh -c "< $tmp/cap grep '> 10.1.0.2' | grep -c 'ICMP echo request'"
check_output "the /32 drop rule of lower priority did not count them" '^2$' rule_packets 100

# normal above both
check "flow add prio 300 in_port=s1,icmp,nw_dst=10.1.0.2 actions=normal" \
	sw flow add br0 prio 300 in_port=s1,icmp,nw_dst=10.1.0.2 actions=normal
check_output "normal: rz-fa pings rz-fb again" ' 0% packet loss' ping_ok rz-fa 10.1.0.2
check_output "the normal rule counted 2" '^2$' rule_packets 300
check "flow del prio 300 (that match)" \
	sw flow del br0 prio 300 in_port=s1,icmp,nw_dst=10.1.0.2
check "flow del prio 200" sw flow del br0 prio 200 in_port=s1,icmp,nw_dst=10.1.0.0/24
check_output "one rule left" '^1$' nflows
check_fails "deleting it twice: no such rule" \
	sw flow del br0 prio 200 in_port=s1,icmp,nw_dst=10.1.0.0/24
check_output "... and the error says so" 'no rule with this match and priority' \
	sh -c "ip netns exec rz-fs swctl flow del br0 prio 200 in_port=s1,icmp,nw_dst=10.1.0.0/24 2>&1; true"
check "flow del br0 (all)" sw flow del br0
check_output "no rules" '^0$' nflows

# flood
check "flow add in_port=s1,icmp actions=flood" \
	sw flow add br0 prio 10 in_port=s1,icmp actions=flood
capture rz-fd eth0
check_output "flood: rz-fa pings rz-fb" ' 0% packet loss' ping_ok rz-fa 10.1.0.2
capture_stop > "$tmp/cap"
check_output "flood: rz-fd saw the requests for rz-fb" '^2$' \
	sh -c "< $tmp/cap grep '> 10.1.0.2' | grep -c 'ICMP echo request'"
sw flow del br0

# VLAN actions: rz-fa and rz-fb also talk over VLAN 10 subinterfaces.
vlan10() {
	local i=1 h
	for h in rz-fa rz-fb; do
		ip -n $h link add link eth0 name eth0.10 type vlan id 10 &&
		ip -n $h link set eth0.10 addrgenmode none &&
		ip -n $h addr add 10.10.0.$i/24 dev eth0.10 &&
		ip -n $h link set eth0.10 up || return 1
		ip -n $h neigh replace 10.10.0.$((3 - i)) nud permanent \
			lladdr 02:00:00:00:00:0$((3 - i)) dev eth0.10 || return 1
		i=$((i + 1))
	done
}
check "VLAN 10 subinterfaces on rz-fa and rz-fb" vlan10
check_output "default ports carry VLAN 10: rz-fa pings rz-fb on it" \
	' 0% packet loss' ping_ok rz-fa 10.10.0.2
check "flow add in_port=s1,icmp,nw_dst=10.1.0.2 actions=push_vlan:20,output:s2" \
	sw flow add br0 prio 10 in_port=s1,icmp,nw_dst=10.1.0.2 actions=push_vlan:20,output:s2
capture rz-fb eth0
ping_fails rz-fa 10.1.0.2 > /dev/null
capture_stop > "$tmp/cap"
check_output "push_vlan: rz-fb receives the requests tagged vlan 20" \
	'^2$' sh -c "< $tmp/cap grep 'vlan 20,.*10.1.0.1 > 10.1.0.2: ICMP echo request' | wc -l"
check "flow add vlan=10,in_port=s1 actions=set_vlan:30,output:s2" \
	sw flow add br0 prio 20 vlan=10,in_port=s1 actions=set_vlan:30,output:s2
capture rz-fb eth0
ping_fails rz-fa 10.10.0.2 > /dev/null
capture_stop > "$tmp/cap"
check_output "set_vlan: VLAN 10 requests reach rz-fb as vlan 30" \
	'^2$' sh -c "< $tmp/cap grep 'vlan 30,.*10.10.0.1 > 10.10.0.2: ICMP echo request' | wc -l"
check "flow add prio 30 vlan=10,in_port=s1 actions=pop_vlan,output:s2" \
	sw flow add br0 prio 30 vlan=10,in_port=s1 actions=pop_vlan,output:s2
capture rz-fb eth0
ping_fails rz-fa 10.10.0.2 > /dev/null
capture_stop > "$tmp/cap"
check_output "pop_vlan: VLAN 10 requests reach rz-fb untagged" \
	'^2$' sh -c "< $tmp/cap grep -v vlan | grep '10.10.0.1 > 10.10.0.2: ICMP echo request' | wc -l"
sw flow del br0

# mirror action, then normal
check "flow add in_port=s1,icmp actions=mirror:s4,normal" \
	sw flow add br0 prio 10 in_port=s1,icmp actions=mirror:s4,normal
capture rz-fd eth0
check_output "mirror,normal: rz-fa still pings rz-fb" ' 0% packet loss' ping_ok rz-fa 10.1.0.2 3
capture_stop > "$tmp/cap"
check_output "rz-fd got a copy of each request, and no reply" '^3 0$' \
	sh -c "echo \$(grep -c 'ICMP echo request' $tmp/cap) \$(grep -c 'ICMP echo reply' $tmp/cap)"
sw flow del br0

# controller: frames to userspace through the monitor group
check "flow add in_port=s1,udp,tp_dst=9999 actions=controller:64" \
	sw flow add br0 prio 10 in_port=s1,udp,tp_dst=9999 actions=controller:64
ip netns exec rz-fs timeout 60 swctl monitor br0 count 3 > "$tmp/monitor" \
	2> "$tmp/monitor.err" &
mon=$!
for _ in $(seq 50); do
	grep -q monitoring "$tmp/monitor.err" && break
	sleep 0.1
done
ctl0=$(rz_br_stat rz-fs controller)
send_udp() {
	ip netns exec rz-fa /usr/bin/python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(3):
    s.sendto(b"x" * 200, ("10.1.0.2", 9999))'
}
check "rz-fa sends 3 UDP datagrams to port 9999" send_udp
wait $mon
check_output "swctl monitor printed 3 packet_in lines for s1, 64 of 242 bytes" \
	'^3$' sh -c "grep -c '^packet_in br0 in_port=s1 vlan=0 len=242 captured=64 dl_src=02:00:00:00:00:01 dl_dst=02:00:00:00:00:02 dl_type=0x0800 nw_src=10.1.0.1 nw_dst=10.1.0.2 nw_proto=17$' $tmp/monitor"
check_output "controller counted 3" "^$((ctl0 + 3))\$" rz_br_stat rz-fs controller
sw flow del br0

# Many rules, one mask: the cache and the classifier agree.  One swctl
# restore adds them a rule at a time (200 processes would take minutes
# on the debug kernel).
many() {
	local i
	for ((i = 1; i <= 200; i++)); do
		echo "flow add br0 prio 10 udp,nw_dst=10.2.$((i / 250)).$((i % 250)),tp_dst=$i actions=drop"
	done | sw restore
}
check "200 rules of one mask" many
check_output "swctl flows lists 200" '^200$' nflows
hit0=$(rz_br_stat rz-fs flow_cache_hit)
check_output "unmatched pings pass (normal), looked up" ' 0% packet loss' \
	ping_ok rz-fa 10.1.0.2 5
check_output "repeated frames hit the cache" "^[1-9]" sh -c \
	"echo \$(( \$(ip netns exec rz-fs swctl -j show br0 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats\"][\"flow_cache_hit\"])') - $hit0 ))"
check "a rule added now applies at once (cache invalidated)" \
	sw flow add br0 prio 20 in_port=s1,icmp actions=drop
check "rz-fa's pings are now dropped" ping_fails rz-fa 10.1.0.2
check "flow del br0 (all 201)" sw flow del br0

# Replace keeps counters and swaps actions.
sw flow add br0 prio 5 in_port=s1,icmp actions=drop
ping_fails rz-fa 10.1.0.2 > /dev/null
check_fails "the same match and priority again is refused" \
	sw flow add br0 prio 5 in_port=s1,icmp actions=normal
check "... unless replace" sw flow add br0 prio 5 in_port=s1,icmp actions=normal replace
check_output "replaced: pings pass" ' 0% packet loss' ping_ok rz-fa 10.1.0.2
check_output "... and the counter was kept and grew" '^4$' rule_packets 5

# Refused input changes nothing.
before=$(flows | sed 's/ used.*//')
bad() {
	local want=$1
	shift
	out=$(ip netns exec rz-fs swctl "$@" 2>&1) && return 1
	printf '%s\n' "$out" | grep -q -- "$want" || { printf '%s\n' "$out"; return 1; }
}
check "tp_dst without a protocol" bad 'tp_src and tp_dst need' \
	flow add br0 prio 1 ip,tp_dst=80 actions=drop
check "nw_dst without dl_type" bad 'need dl_type ip, arp or ipv6' \
	flow add br0 prio 1 nw_dst=10.0.0.1 actions=drop
check "an IPv6 address with dl_type ip" bad 'wrong size' \
	flow add br0 prio 1 ip,nw_dst=fd00::1 actions=drop
check "value bits outside the mask" bad 'bits set outside its mask' \
	flow add br0 prio 1 dl_dst=02:00:00:00:00:01/ff:ff:ff:ff:ff:00 actions=drop
check "output to a device that is not a port" bad 'not a port of this switch' \
	flow add br0 prio 1 actions=output:lo
check "in_port that is not a port" bad 'not a port of this switch' \
	flow add br0 prio 1 in_port=br0 actions=drop
check "drop with another action" bad 'drop cannot be combined' \
	flow add br0 prio 1 actions=drop,normal
check "33 actions" bad 'a rule needs 1 to 32 actions' \
	flow add br0 prio 1 "actions=$(printf 'pop_vlan,%.0s' $(seq 32))normal"
check "push_vlan:4095" bad 'out of range\|Invalid\|range' \
	flow add br0 prio 1 actions=push_vlan:4095
check "an unknown field" bad "bad match field 'nw_tos'" \
	flow add br0 prio 1 nw_tos=1 actions=drop
check "no actions" bad 'needs actions' flow add br0 prio 1 ip
check "a bridge that is not a mybridge" bad 'no such mybridge device' \
	flow add s1 prio 1 actions=drop
check_output "nobody else may change rules (EPERM)" 'Operation not permitted' \
	sh -c "ip netns exec rz-fs setpriv --reuid=65534 --regid=65534 --clear-groups swctl flow add br0 prio 1 actions=drop 2>&1; true"
check_output "the rules are as before" "^$(printf '%s' "$before" | head -1)\$" \
	sh -c "ip netns exec rz-fs swctl flows br0 | sed 's/ used.*//'"

check_output "ethtool -S br0: the switch's counters, then each port's" '^2$' \
	sh -c "ip netns exec rz-fs ethtool -S br0 | grep -cE '^ +(drop_flow|s1\.rx_packets): [1-9]'"

# A port that leaves takes the rules naming it.
check "flow add in_port=s3 actions=drop" sw flow add br0 prio 7 in_port=s3 actions=drop
check "flow add ip actions=output:s3" sw flow add br0 prio 8 ip actions=output:s3
check "flow add ip actions=mirror:s4,normal" sw flow add br0 prio 9 arp actions=mirror:s4,normal
check "delete s3" ip -n rz-fs link del s3
check_output "the two rules naming s3 are gone" '^2$' nflows
check "s4 leaves the switch (nomaster)" ip -n rz-fs link set s4 nomaster
check_output "the mirror rule went with it" '^1$' nflows
check_output "swctl -j flows is JSON" '"rule":"priority=5,in_port=s1,icmp' sw -j flows br0

check "the switch is deleted with rules in place" ip -n rz-fs link del br0
check "mybridge unloads" rmmod mybridge
rz_done
