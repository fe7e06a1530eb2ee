#!/bin/bash
# mybridge's port VLAN modes: hosts rz-vl-1..4 on ports s1-s4 of br0 in
# rz-vl-sw, s1 and s2 access ports of VLAN 10, s3 of VLAN 20, s4 a trunk
# of 10 and 20.  Isolation (unicast, broadcast, unknown unicast), tags on
# the trunk's wire and none on access ports, learning per VLAN, tagged
# frames refused on access ports and untagged ones on trunks (drop_vlan),
# priority tags taken as untagged, 802.1ad tags refused, swctl's view,
# refused input that changes nothing, and back to the default.  Then the
# same reachability matrix and trunk tags on Linux's bridge (rz-vl-lsw,
# hosts rz-vl-l1..4), with VLAN filtering and without.
#
# Addresses: every host has 10.1.0.N/24 on eth0 (rz_switch); the access
# hosts also 10.10.0.N/24 and 10.20.0.N/24 on eth0, the trunk host
# 10.10.0.4/24 on eth0.10 and 10.20.0.4/24 on eth0.20.  All neighbours
# are fixed: no ARP.
# shellcheck source-path=SCRIPTDIR source=harness/testlib.sh
. "$(dirname "$0")/harness/testlib.sh"

hosts=(rz-vl-1 rz-vl-2 rz-vl-3 rz-vl-4)
lhosts=(rz-vl-l1 rz-vl-l2 rz-vl-l3 rz-vl-l4)
tmp=$(mktemp -d /tmp/rz-vlan.XXXXXX)
trap 'rz_netns_del "${hosts[@]}" rz-vl-sw "${lhosts[@]}" rz-vl-lsw;
      rmmod mybridge 2>/dev/null; rm -rf "$tmp"' EXIT
check "load mybridge" rz_insmod mybridge

mac() { echo "02:00:00:00:00:0$1"; }

# vlan_dev NS VID ADDR: eth0.VID in NS with ADDR/24, no IPv6, up.
vlan_dev() {
	ip -n "$1" link add link eth0 name "eth0.$2" type vlan id "$2" &&
	ip -n "$1" link set "eth0.$2" addrgenmode none &&
	ip -n "$1" addr add "$3/24" dev "eth0.$2" &&
	ip -n "$1" link set "eth0.$2" up
}

# topology KIND SW H1 H2 H3 H4: rz_switch and the per-VLAN addresses.
topology() {
	local kind=$1 sw=$2 i j k h
	shift 2
	rz_switch "$kind" "$sw" "$@" || return 1
	for i in 1 2 3; do
		h=${!i}
		for j in 10 20; do
			ip -n "$h" addr add "10.$j.0.$i/24" dev eth0 || return 1
			for k in 1 2 3 4; do
				[ "$k" = "$i" ] && continue
				ip -n "$h" neigh replace "10.$j.0.$k" nud permanent \
					lladdr "$(mac "$k")" dev eth0 || return 1
			done
		done
	done
	h=$4
	for j in 10 20; do
		vlan_dev "$h" "$j" "10.$j.0.4" || return 1
		for k in 1 2 3; do
			ip -n "$h" neigh replace "10.$j.0.$k" nud permanent \
				lladdr "$(mac "$k")" dev "eth0.$j" || return 1
		done
	done
}

# received NS DST [COUNT]: how many of COUNT (2) pings to DST are answered.
received() {
	ip netns exec "$1" ping -n -c "${3:-2}" -i 0.2 -W 1 "$2" 2>/dev/null |
		sed -n 's/.* \([0-9]*\) received.*/\1/p'
}

# matrix H1 H2 H3 H4: replies out of 2 pings, one line per probe.
matrix() {
	local h1=$1 h2=$2 h4=$4
	echo "h1->h2 $(received "$h1" 10.1.0.2)"
	echo "h1->h3 $(received "$h1" 10.1.0.3)"
	echo "h2->h3 $(received "$h2" 10.1.0.3)"
	echo "h1->h4:eth0 $(received "$h1" 10.1.0.4)"
	echo "h4:eth0->h1 $(received "$h4" 10.1.0.1)"
	echo "h4:eth0.10->h1 $(received "$h4" 10.10.0.1)"
	echo "h4:eth0.10->h2 $(received "$h4" 10.10.0.2)"
	echo "h4:eth0.10->h3 $(received "$h4" 10.10.0.3)"
	echo "h4:eth0.20->h3 $(received "$h4" 10.20.0.3)"
	echo "h4:eth0.20->h1 $(received "$h4" 10.20.0.1)"
}
matrix_default="h1->h2 2
h1->h3 2
h2->h3 2
h1->h4:eth0 2
h4:eth0->h1 2
h4:eth0.10->h1 0
h4:eth0.10->h2 0
h4:eth0.10->h3 0
h4:eth0.20->h3 0
h4:eth0.20->h1 0"
matrix_vlan="h1->h2 2
h1->h3 0
h2->h3 0
h1->h4:eth0 0
h4:eth0->h1 0
h4:eth0.10->h1 2
h4:eth0.10->h2 2
h4:eth0.10->h3 0
h4:eth0.20->h3 2
h4:eth0.20->h1 0"

# same EXPECTED ACTUAL_FILE: the file holds exactly EXPECTED.
same() {
	diff <(printf '%s\n' "$1") "$2"
}

# capture NS NAME: tcpdump on eth0 of NS into NAME.pcap, in the
# background; capture_stop NAME ends it and decodes it (-e) into NAME.txt.
declare -A cap_pid
capture() {
	ip netns exec "$1" timeout 90 tcpdump -n -U --immediate-mode -i eth0 \
		-w "$tmp/$2.pcap" 2> "$tmp/$2.err" &
	cap_pid[$2]=$!
	for _ in $(seq 100); do
		grep -q listening "$tmp/$2.err" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
capture_stop() {
	local n
	sleep 0.5
	for n in "$@"; do
		kill -TERM "${cap_pid[$n]}" 2>/dev/null
		wait "${cap_pid[$n]}" 2>/dev/null
		tcpdump -n -e -r "$tmp/$n.pcap" > "$tmp/$n.txt" 2>/dev/null
	done
}
# lines NAME REGEX: how many lines of capture NAME match REGEX.
lines() { grep -Ec -- "$2" "$tmp/$1.txt" || true; }
# Untagged IPv4 frames in tcpdump -e's words (a tagged frame has
# "ethertype 802.1Q (0x8100), length N: vlan V, p 0, ethertype IPv4").
untagged='ethertype IPv4 \(0x0800\), length'
# lost NS DST: 3 pings to DST, for their statistics only.
lost() {
	ip netns exec "$1" ping -n -c 3 -i 0.2 -W 1 "$2"
	true
}
# tags NAME: capture NAME as "SRC>DST TAG ICMP-TYPE" with counts.
tags() {
	awk '{
		tag = "untagged"
		if (match($0, /vlan [0-9]+/)) tag = substr($0, RSTART, RLENGTH)
		t = "other"
		if ($0 ~ /ICMP echo request/) t = "request"
		if ($0 ~ /ICMP echo reply/) t = "reply"
		sub(",", "", $4)
		print $2 ">" $4, tag, t
	}' "$tmp/$1.txt" | sort | uniq -c
}
# trunk_tags PREFIX H1 H3 H4: the trunk host pings an access host of each
# VLAN; what the wires of the trunk host and the access hosts carried.
trunk_tags() {
	local p=$1
	capture "$4" "$p-t4" && capture "$2" "$p-t1" && capture "$3" "$p-t3" ||
		return 1
	ip netns exec "$4" ping -n -c 2 -i 0.2 -W 1 10.10.0.1 >/dev/null
	ip netns exec "$4" ping -n -c 2 -i 0.2 -W 1 10.20.0.3 >/dev/null
	capture_stop "$p-t4" "$p-t1" "$p-t3"
}
trunk_tags_expected="      2 02:00:00:00:00:01>02:00:00:00:00:04 vlan 10 reply
      2 02:00:00:00:00:03>02:00:00:00:00:04 vlan 20 reply
      2 02:00:00:00:00:04>02:00:00:00:00:01 vlan 10 request
      2 02:00:00:00:00:04>02:00:00:00:00:03 vlan 20 request"

sw() { ip netns exec rz-vl-sw swctl "$@"; }
# port_json PORT KEY: a key of PORT in swctl -j show br0 (JSON).
port_json() {
	sw -j show br0 | /usr/bin/python3 -c "
import json, sys
for p in json.load(sys.stdin)[0]['ports']:
    if p['ifname'] == '$1':
        print(json.dumps(p.get('$2')))"
}
# refused COMMAND...: COMMAND fails; prints what it said.
refused() {
	local out
	if out=$("$@" 2>&1); then
		echo "succeeded: $out"
		return 1
	fi
	printf '%s\n' "$out"
}
# started OK: tcpdump started (OK is 0 when every capture said "listening").
started() { return "$1"; }

#
# mybridge, default set-up (every port MYBRIDGE_VLAN_NONE).
#
check "br0 with four ports, per-VLAN addresses, eth0.10/.20 on rz-vl-4" \
	topology mybridge rz-vl-sw "${hosts[@]}"
matrix "${hosts[@]}" > "$tmp/my-default"
check "default: reachability (untagged everywhere, tags stay tagged)" \
	same "$matrix_default" "$tmp/my-default"
check_output "swctl -j show: vlan_mode none" '^"none"$' port_json s1 vlan_mode

#
# VLANs.
#
check "s1 vlan access 10" sw port br0 s1 vlan access 10
check "s2 vlan access 10" sw port br0 s2 vlan access 10
check "s3 vlan access 20" sw port br0 s3 vlan access 20
check "s4 vlan trunk 10,20" sw port br0 s4 vlan trunk 10,20
check_output "swctl show: s1 vlan access 10" 'port s1: .* vlan access 10( |$)' \
	sw show br0
check_output "swctl show: s3 vlan access 20" 'port s3: .* vlan access 20( |$)' \
	sw show br0
check_output "swctl show: s4 vlan trunk 10,20" 'port s4: .* vlan trunk 10,20( |$)' \
	sw show br0
check_output "swctl -j show: s1 vlan_mode access" '^"access"$' port_json s1 vlan_mode
check_output "swctl -j show: s1 pvid 10" '^10$' port_json s1 pvid
check_output "swctl -j show: s4 vlan_mode trunk" '^"trunk"$' port_json s4 vlan_mode
check_output "swctl -j show: s4 trunk [10, 20]" '^\[10, 20\]$' port_json s4 trunk

matrix "${hosts[@]}" > "$tmp/my-vlan"
check "VLANs: reachability (isolation, trunk reaches both VLANs)" \
	same "$matrix_vlan" "$tmp/my-vlan"
check_output "rz-vl-1 pings rz-vl-2 (both VLAN 10)" ' 0% packet loss' \
	ip netns exec rz-vl-1 ping -n -c 3 -i 0.2 -w 10 10.1.0.2
check_output "rz-vl-1 cannot reach rz-vl-3 (VLAN 20)" ' 0 received' \
	lost rz-vl-1 10.1.0.3

# Broadcast and unknown unicast stay in their VLAN.
check "rz-vl-1 knows 10.1.0.99 as 02:00:00:00:00:99 (unknown to br0)" \
	ip -n rz-vl-1 neigh replace 10.1.0.99 nud permanent \
	lladdr 02:00:00:00:00:99 dev eth0
capture rz-vl-2 b2 && capture rz-vl-3 b3 && capture rz-vl-4 b4
check "tcpdump on rz-vl-2, rz-vl-3 and rz-vl-4" started $?
ip netns exec rz-vl-1 ping -n -b -c 3 -i 0.2 -W 1 10.1.0.255 >/dev/null 2>&1
ip netns exec rz-vl-1 ping -n -c 3 -i 0.2 -W 1 10.1.0.99 >/dev/null 2>&1
ip netns exec rz-vl-1 ping -n -c 3 -i 0.2 -W 1 10.1.0.3 >/dev/null 2>&1
capture_stop b2 b3 b4
check_output "rz-vl-3 saw none of rz-vl-1's frames" '^0$' \
	lines b3 '^[^ ]+ 02:00:00:00:00:01 >'
check_output "rz-vl-3 saw nothing at all" '^0$' lines b3 .
check_output "rz-vl-2 got the 3 broadcasts, untagged" '^3$' \
	lines b2 "02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, $untagged"
check_output "rz-vl-2 got the 3 frames to the unknown MAC, untagged" '^3$' \
	lines b2 "02:00:00:00:00:01 > 02:00:00:00:00:99, $untagged"
check_output "rz-vl-4 got the 3 broadcasts tagged 10" '^3$' \
	lines b4 '02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype 802\.1Q \(0x8100\), length [0-9]+: vlan 10,'
check_output "rz-vl-4 got the 3 unknown unicast frames tagged 10" '^3$' \
	lines b4 '02:00:00:00:00:01 > 02:00:00:00:00:99, ethertype 802\.1Q \(0x8100\), length [0-9]+: vlan 10,'
check_output "nothing of VLAN 10 went out untagged to rz-vl-4" '^0$' \
	lines b4 "$untagged"
check_output "nor tagged 20" '^0$' lines b4 'vlan 20'
check_output "rz-vl-2 saw no tag" '^0$' lines b2 'vlan'

# Tags on the trunk's wire, none on the access ports.
check "rz-vl-4 pings 10.10.0.1 (eth0.10) and 10.20.0.3 (eth0.20)" \
	trunk_tags my rz-vl-1 rz-vl-3 rz-vl-4
tags my-t4 > "$tmp/my-tags"
check "trunk wire: requests and replies tagged 10 to/from rz-vl-1, 20 to/from rz-vl-3" \
	same "$trunk_tags_expected" "$tmp/my-tags"
check_output "rz-vl-1 saw 2 requests and sent 2 replies, untagged" '^4$' \
	lines my-t1 "(02:00:00:00:00:04 > 02:00:00:00:00:01|02:00:00:00:00:01 > 02:00:00:00:00:04), $untagged .*ICMP echo (request|reply)"
check_output "rz-vl-1: nothing tagged, nothing else" '^4$' lines my-t1 .
check_output "rz-vl-3 saw 2 requests and sent 2 replies, untagged" '^4$' \
	lines my-t3 "(02:00:00:00:00:04 > 02:00:00:00:00:03|02:00:00:00:00:03 > 02:00:00:00:00:04), $untagged .*ICMP echo (request|reply)"
check_output "rz-vl-3: nothing tagged, nothing else" '^4$' lines my-t3 .

# Learning per VLAN: rz-vl-4's MAC in both VLANs, on s4.
for e in "1 10 s1" "2 10 s2" "3 20 s3" "4 10 s4" "4 20 s4"; do
	read -r n v p <<< "$e"
	check_output "swctl fdb: $(mac "$n") vlan $v port $p" \
		"^$(mac "$n") vlan $v port $p learned" sw fdb br0
done
check_fails "swctl fdb: no entry in VLAN 0 or on a wrong VLAN" sh -c \
	"ip netns exec rz-vl-sw swctl fdb br0 | grep -E 'vlan 0 |02:00:00:00:00:0[12] vlan 20|02:00:00:00:00:03 vlan 10'"

# A tagged frame into an access port, an untagged one into the trunk.
check "rz-vl-1 gets eth0.10 (10.11.0.1/24, knows 10.11.0.2)" sh -c "
	ip -n rz-vl-1 link add link eth0 name eth0.10 type vlan id 10 &&
	ip -n rz-vl-1 link set eth0.10 addrgenmode none &&
	ip -n rz-vl-1 addr add 10.11.0.1/24 dev eth0.10 &&
	ip -n rz-vl-1 link set eth0.10 up &&
	ip -n rz-vl-1 neigh replace 10.11.0.2 nud permanent \
		lladdr 02:00:00:00:00:02 dev eth0.10"
s1_drop=$(rz_port_stat rz-vl-sw s1 drop_vlan)
br_drop=$(rz_br_stat rz-vl-sw drop_vlan)
capture rz-vl-2 tg2
check "tcpdump on rz-vl-2" started $?
check_output "3 tagged pings from rz-vl-1 into access port s1 are lost" \
	'3 packets transmitted, 0 received' lost rz-vl-1 10.11.0.2
capture_stop tg2
check_output "drop_vlan on s1 counted 3" "^$((s1_drop + 3))\$" \
	rz_port_stat rz-vl-sw s1 drop_vlan
check_output "rz-vl-2 saw none of them" '^0$' lines tg2 .
s4_drop=$(rz_port_stat rz-vl-sw s4 drop_vlan)
check_output "3 untagged pings from rz-vl-4 into trunk s4 are lost" \
	'3 packets transmitted, 0 received' lost rz-vl-4 10.1.0.1
check_output "drop_vlan on s4 counted 3" "^$((s4_drop + 3))\$" \
	rz_port_stat rz-vl-sw s4 drop_vlan
check_output "drop_vlan of br0 counted the 6" "^$((br_drop + 6))\$" \
	rz_br_stat rz-vl-sw drop_vlan

# A priority tag (VID 0) counts as untagged: into the access port, the
# frames join VLAN 10 and leave untagged.
check "rz-vl-1 gets eth0.0 (priority tags, 10.12.0.1/24, knows 10.12.0.2)" \
	sh -c "
	ip -n rz-vl-1 link add link eth0 name eth0.0 type vlan id 0 &&
	ip -n rz-vl-1 link set eth0.0 addrgenmode none &&
	ip -n rz-vl-1 addr add 10.12.0.1/24 dev eth0.0 &&
	ip -n rz-vl-1 link set eth0.0 up &&
	ip -n rz-vl-1 neigh replace 10.12.0.2 nud permanent \
		lladdr 02:00:00:00:00:02 dev eth0.0"
s1_drop=$(rz_port_stat rz-vl-sw s1 drop_vlan)
capture rz-vl-2 pt2 && capture rz-vl-1 pt1
check "tcpdump on rz-vl-2 and rz-vl-1" started $?
lost rz-vl-1 10.12.0.2 > /dev/null
capture_stop pt2 pt1
check_output "rz-vl-1 sent 3 frames with a priority tag" '^3$' \
	lines pt1 '02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype 802\.1Q \(0x8100\), length [0-9]+: vlan 0,'
check_output "rz-vl-2 got the 3, untagged" '^3$' \
	lines pt2 "02:00:00:00:00:01 > 02:00:00:00:00:02, $untagged .* 10\.12\.0\.1 > 10\.12\.0\.2"
check_output "drop_vlan on s1 did not move" "^$s1_drop\$" \
	rz_port_stat rz-vl-sw s1 drop_vlan
check "rz-vl-1 loses eth0.0" ip -n rz-vl-1 link del eth0.0

# 802.1ad (QinQ outer) tags are no VLAN of the switch: dropped, counted.
check "rz-vl-4 gets eth0.ad (802.1ad tag 10, 10.13.0.4/24, knows 10.13.0.1)" \
	sh -c "
	ip -n rz-vl-4 link add link eth0 name eth0.ad type vlan proto 802.1ad id 10 &&
	ip -n rz-vl-4 link set eth0.ad addrgenmode none &&
	ip -n rz-vl-4 addr add 10.13.0.4/24 dev eth0.ad &&
	ip -n rz-vl-4 link set eth0.ad up &&
	ip -n rz-vl-4 neigh replace 10.13.0.1 nud permanent \
		lladdr 02:00:00:00:00:01 dev eth0.ad"
s4_drop=$(rz_port_stat rz-vl-sw s4 drop_vlan)
capture rz-vl-1 ad1
check "tcpdump on rz-vl-1" started $?
check_output "3 pings with an 802.1ad tag into trunk s4 are lost" \
	'3 packets transmitted, 0 received' lost rz-vl-4 10.13.0.1
capture_stop ad1
check_output "drop_vlan on s4 counted 3" "^$((s4_drop + 3))\$" \
	rz_port_stat rz-vl-sw s4 drop_vlan
check_output "rz-vl-1 saw none of them" '^0$' lines ad1 .
check "rz-vl-4 loses eth0.ad" ip -n rz-vl-4 link del eth0.ad

# Refused input: an error, a message, nothing changes.
sw show br0 | grep '^  port' > "$tmp/setup-before"
check_output "vlan access 0 is refused" 'VLAN ID' \
	refused sw port br0 s1 vlan access 0
check_output "vlan access 4095 is refused" 'VLAN ID' \
	refused sw port br0 s1 vlan access 4095
check_output "vlan access abc is refused" 'VLAN ID' \
	refused sw port br0 s1 vlan access abc
check_output "vlan trunk 10,5000 is refused" 'VLAN ID' \
	refused sw port br0 s4 vlan trunk 10,5000
check_output "vlan trunk \"\" is refused" 'at least one VLAN' \
	refused sw port br0 s4 vlan trunk ""
check_output "vlan trunk 20-10 is refused" 'range' \
	refused sw port br0 s4 vlan trunk 20-10
check_output "vlan sideways is refused" 'usage' \
	refused sw port br0 s1 vlan sideways
check_output "an unknown port is refused" 'no such device' \
	refused sw port br0 nosuch vlan access 10
check_output "lo (not a port) is refused" 'not a port of this switch' \
	refused sw port br0 lo vlan access 10
check "a second switch br1 with port x1" sh -c "
	ip -n rz-vl-sw link add br1 type mybridge &&
	ip -n rz-vl-sw link add x1 type veth peer name x2 &&
	ip -n rz-vl-sw link set x1 master br1"
check_output "br1's port x1 is not a port of br0" 'not a port of this switch' \
	refused sw port br0 x1 vlan access 10
check_output "a port on a device that is not a switch is refused" 'no such mybridge device' \
	refused sw port s1 s2 vlan access 10
check "the set-up is unchanged" sh -c \
	"ip netns exec rz-vl-sw swctl show br0 | grep '^  port' | diff $tmp/setup-before -"
check_output "and so is the reachability" ' 0% packet loss' \
	ip netns exec rz-vl-4 ping -n -c 2 -i 0.2 -w 10 10.10.0.1

# Back to the default.
for p in s1 s2 s3 s4; do
	check "$p vlan none" sw port br0 $p vlan none
done
check_fails "swctl show shows no VLAN set-up" sh -c \
	"ip netns exec rz-vl-sw swctl show br0 | grep ' vlan '"
check_output "swctl -j show: s4 vlan_mode none" '^"none"$' port_json s4 vlan_mode
check "rz-vl-1 loses eth0.10 again" ip -n rz-vl-1 link del eth0.10
matrix "${hosts[@]}" > "$tmp/my-none"
check "vlan none: the default reachability again" \
	same "$matrix_default" "$tmp/my-none"
check_output "swctl fdb: entries in VLAN 0 again" \
	'^02:00:00:00:00:01 vlan 0 port s1 learned' sw fdb br0

#
# Linux's bridge: the same matrix and the same tags on the trunk's wire.
#
check "load Linux bridge" modprobe bridge
check "Linux bridge br0 with four ports, the same hosts" \
	topology bridge rz-vl-lsw "${lhosts[@]}"
matrix "${lhosts[@]}" > "$tmp/linux-default"
check "Linux bridge, no VLANs: the same matrix as mybridge" \
	diff "$tmp/my-default" "$tmp/linux-default"
linux_vlans() {
	local p
	ip -n rz-vl-lsw link set br0 type bridge vlan_filtering 1 || return 1
	for p in s1:10 s2:10 s3:20; do
		bridge -n rz-vl-lsw vlan add dev "${p%:*}" vid "${p#*:}" pvid untagged &&
		bridge -n rz-vl-lsw vlan del dev "${p%:*}" vid 1 || return 1
	done
	bridge -n rz-vl-lsw vlan add dev s4 vid 10 &&
	bridge -n rz-vl-lsw vlan add dev s4 vid 20 &&
	bridge -n rz-vl-lsw vlan del dev s4 vid 1
}
check "Linux bridge: vlan_filtering 1, s1 s2 pvid 10, s3 pvid 20, s4 tagged 10 20" \
	linux_vlans
check_output "bridge vlan show: s4 has 10 and 20 tagged" \
	's4 +10 +20|s4 +20 +10' sh -c \
	"bridge -n rz-vl-lsw vlan show dev s4 | tr -s '\n\t ' ' '"
matrix "${lhosts[@]}" > "$tmp/linux-vlan"
check "Linux bridge, VLANs: the same matrix as mybridge" \
	diff "$tmp/my-vlan" "$tmp/linux-vlan"
check "Linux bridge: rz-vl-l4 pings 10.10.0.1 and 10.20.0.3" \
	trunk_tags linux rz-vl-l1 rz-vl-l3 rz-vl-l4
tags linux-t4 > "$tmp/linux-tags"
check "Linux bridge: the same tags on the trunk's wire as mybridge" \
	diff "$tmp/my-tags" "$tmp/linux-tags"
check_output "Linux bridge: rz-vl-l1 saw the same untagged frames" \
	"^$(lines my-t1 "$untagged .*ICMP echo")\$" \
	lines linux-t1 "$untagged .*ICMP echo"

rz_done
