#!/bin/bash
# swctl save and restore: hosts rz-sv-1..4 (10.1.0.1-4) on ports s1-s4 of
# br0 in rz-sv-sw.  The switch gets parameters, VLAN modes (access and a
# trunk), policing, mirrors, static FDB entries and rules of every kind;
# `swctl save` prints the expected file, the switch is deleted (its veths
# stay) and rebuilt by `swctl restore` from that file: the same file is
# saved again, swctl agrees on ports, rules and FDB, and traffic obeys the
# restored rules.  A second restore changes nothing (rules are replaced,
# keeping their counters).  A bad line (unknown command, bad rule, a rule
# the module refuses, a missing port device, a device of another kind)
# stops the restore there with FILE:LINE and exit status 1.  A second
# switch is created from a file; flow export goes through a round trip
# too (without traffic: bridge-export.sh tests what it sends).
# shellcheck source-path=SCRIPTDIR source=harness/testlib.sh
. "$(dirname "$0")/harness/testlib.sh"

hosts=(rz-sv-1 rz-sv-2 rz-sv-3 rz-sv-4)
tmp=$(mktemp -d /tmp/rz-save.XXXXXX)
trap 'rz_netns_del "${hosts[@]}" rz-sv-sw; rmmod mybridge 2>/dev/null;
      rm -rf "$tmp"' EXIT
check "load mybridge" rz_insmod mybridge
check "br0 with four ports" rz_switch mybridge rz-sv-sw "${hosts[@]}"

sw() { ip netns exec rz-sv-sw swctl "$@"; }
# restore [FILE]: swctl restore in the switch's namespace.
restore() { ip netns exec rz-sv-sw swctl restore "$@"; }
ping_ok() { ip netns exec "$1" ping -n -c 2 -i 0.2 -w 10 "$2"; }
ping_fails() { ! ip netns exec "$1" ping -n -c 2 -i 0.2 -W 1 "$2"; }

# config: the switch's parameters and its ports' set-up (swctl -j show).
config() {
	sw -j show br0 | /usr/bin/python3 -c '
import json, sys
b = json.load(sys.stdin)[0]
print("ageing", b["ageing"], "fdb_max_learned", b["fdb_max_learned"])
keys = ("vlan_mode", "pvid", "trunk", "police_rate", "police_burst",
        "mirror_ingress", "mirror_egress")
for p in b["ports"]:
    print(p["ifname"], *("%s=%s" % (k, p[k]) for k in keys if k in p))'
}
# rules: swctl flows without counters; statics: the static FDB entries.
rules() { sw flows br0 | sed 's/ packets .*//'; }
statics() { sw fdb br0 | grep ' static' | sed 's/ age .*//' | sort; }
# rule_packets PRIO: the packet count of the rule of priority PRIO.
rule_packets() {
	sw -j flows br0 | /usr/bin/python3 -c "
import json, sys
for r in json.load(sys.stdin):
    if r['rule'].startswith('priority=$1,'):
        print(r['packets'])"
}
# same FILE1 FILE2: the files are equal (the difference is printed).
same() { diff -u "$1" "$2"; }
# same_out FILE COMMAND...: COMMAND prints FILE.
same_out() {
	local f=$1
	shift
	"$@" | diff -u "$f" -
}

# The configuration.
check "restore line: bridge add br0 ageing 120 fdb_max_learned 500 (changes br0)" \
	sh -c "echo 'bridge add br0 ageing 120 fdb_max_learned 500' |
	       ip netns exec rz-sv-sw swctl restore"
check_output "swctl show: ageing 120 fdb_max_learned 500" \
	'^br0: ageing 120 fdb_max_learned 500 ' sw show br0
check "port br0 s1 vlan access 10" sw port br0 s1 vlan access 10
check "port br0 s2 vlan access 10" sw port br0 s2 vlan access 10
check "port br0 s3 vlan trunk 100,10,20,21,30-40" \
	sw port br0 s3 vlan trunk 100,10,20,21,30-40
check "police br0 s2 rate 1gbit burst 64k" sw police br0 s2 rate 1gbit burst 64k
check "mirror add br0 src s1 dst s4 (both directions)" \
	sw mirror add br0 src s1 dst s4
check "mirror add br0 src s2 dst s4 egress" sw mirror add br0 src s2 dst s4 egress
check "bridge fdb add 02:00:00:00:00:99 dev br0 self static via s2 vlan 10" \
	bridge -n rz-sv-sw fdb add 02:00:00:00:00:99 dev br0 self static via s2 vlan 10
check "bridge fdb add 02:00:00:00:00:98 dev br0 self static (the switch's)" \
	bridge -n rz-sv-sw fdb add 02:00:00:00:00:98 dev br0 self static
check "restore line: fdb add br0 02:00:00:00:00:97 vlan 20 port s3" \
	sh -c "echo 'fdb add br0 02:00:00:00:00:97 vlan 20 port s3' |
	       ip netns exec rz-sv-sw swctl restore"
flow_rules=(
	"prio 0 actions=normal"
	"prio 10 in_port=s3,vlan=30 actions=push_vlan:40,output:s2"
	"prio 50 dl_type=0x88cc actions=pop_vlan,flood"
	"prio 100 ipv6,nw_dst=fd00::/64 actions=controller:128"
	"prio 100 vlan=10,arp,dl_src=02:00:00:00:00:00/ff:ff:ff:ff:ff:f0 actions=normal"
	"prio 150 udp6,nw_src=fd00::1,tp_dst=53 actions=set_vlan:20,output:s3"
	"prio 200 tcp,nw_src=10.1.0.0/24,tp_dst=80/0xfff0 actions=mirror:s4,normal"
	"prio 300 in_port=s1,icmp,nw_dst=10.1.0.2,tp_src=8 actions=drop"
)
for r in "${flow_rules[@]}"; do
	# shellcheck disable=SC2086
	check "flow add br0 $r" sw flow add br0 $r
done
cat > "$tmp/expected" << 'EOF'
# mybridge br0: swctl save, for swctl restore
bridge add br0 ageing 120 fdb_max_learned 500
bridge port br0 s1
bridge port br0 s2
bridge port br0 s3
bridge port br0 s4
port br0 s1 vlan access 10
port br0 s2 vlan access 10
port br0 s3 vlan trunk 10,20,21,30-40,100
police br0 s2 rate 125000000bps burst 65536
mirror add br0 src s1 dst s4
mirror add br0 src s2 dst s4 egress
fdb add br0 02:00:00:00:00:98 vlan 0 port self
fdb add br0 02:00:00:00:00:99 vlan 10 port s2
fdb add br0 02:00:00:00:00:97 vlan 20 port s3
flow add br0 priority=300,in_port=s1,icmp,nw_dst=10.1.0.2,tp_src=8 actions=drop
flow add br0 priority=200,tcp,nw_src=10.1.0.0/24,tp_dst=0x50/0xfff0 actions=mirror:s4,normal
flow add br0 priority=150,udp6,nw_src=fd00::1,tp_dst=53 actions=set_vlan:20,output:s3
flow add br0 priority=100,ipv6,nw_dst=fd00::/64 actions=controller:128
flow add br0 priority=100,arp,dl_src=02:00:00:00:00:00/ff:ff:ff:ff:ff:f0,vlan=10 actions=normal
flow add br0 priority=50,dl_type=0x88cc actions=pop_vlan,flood
flow add br0 priority=10,in_port=s3,vlan=30 actions=push_vlan:40,output:s2
flow add br0 priority=0 actions=normal
EOF

check "swctl save br0 > f1" sh -c "ip netns exec rz-sv-sw swctl save br0 > $tmp/f1"
check "f1 holds the expected lines, in order" same "$tmp/expected" "$tmp/f1"
check "saving again gives the same file" same_out "$tmp/f1" sw save br0
check "anybody may save (unprivileged: dumps only)" same_out "$tmp/f1" \
	ip netns exec rz-sv-sw setpriv --reuid=65534 --regid=65534 \
	--clear-groups swctl save br0
check_fails "save of a device that is not a mybridge" sw save s1
check_fails "save of no such device" sw save nosuch0
config > "$tmp/config1"
rules > "$tmp/rules1"
statics > "$tmp/fdb1"
check_output "three static FDB entries" '^3$' sh -c "wc -l < $tmp/fdb1"

# Away and back.
check "delete br0" ip -n rz-sv-sw link del br0
check "its veths stay, released" sh -c \
	"ip -n rz-sv-sw -o link show s1 && ! ip -n rz-sv-sw -o link show s1 | grep -q master"
check "swctl restore < f1" sh -c "ip netns exec rz-sv-sw swctl restore < $tmp/f1"
check_output "br0 is back, up" '<.*UP.*>' ip -n rz-sv-sw -o link show br0
check_output "s1-s4 are its ports again" '^4$' \
	sh -c "ip -n rz-sv-sw -o link show master br0 | wc -l"
check "swctl save br0 > f2" sh -c "ip netns exec rz-sv-sw swctl save br0 > $tmp/f2"
check "f2 = f1" same "$tmp/f1" "$tmp/f2"
config > "$tmp/config2"
rules > "$tmp/rules2"
statics > "$tmp/fdb2"
check "swctl show agrees (parameters, VLANs, policing, mirrors)" \
	same "$tmp/config1" "$tmp/config2"
check "swctl flows agrees (rules, order within a priority too)" \
	same "$tmp/rules1" "$tmp/rules2"
check "swctl fdb agrees (static entries)" same "$tmp/fdb1" "$tmp/fdb2"

# Traffic obeys what was restored.
drop0=$(rz_br_stat rz-sv-sw drop_flow)
mirrored0=$(rz_br_stat rz-sv-sw mirrored)
check "the restored drop rule blocks rz-sv-1's pings to rz-sv-2" \
	ping_fails rz-sv-1 10.1.0.2
check_output "the rule counted them" '^2$' rule_packets 300
check_output "drop_flow counted 2" "^$((drop0 + 2))\$" rz_br_stat rz-sv-sw drop_flow
check_output "rz-sv-2 pings rz-sv-1 (VLAN 10 access ports, replies pass)" \
	' 0% packet loss' ping_ok rz-sv-2 10.1.0.1
mirrored_grew() { [ "$(rz_br_stat rz-sv-sw mirrored)" -gt "$mirrored0" ]; }
check "the mirrors to s4 copied frames" mirrored_grew
check "rz-sv-4 (default VLAN, mirror port) does not reach rz-sv-1" \
	ping_fails rz-sv-4 10.1.0.1

# Twice: idempotent.
check "swctl restore f1 again (FILE argument)" restore "$tmp/f1"
check "saved: still f1" same_out "$tmp/f1" sw save br0
check "swctl flows: the same rules, none added" same_out "$tmp/rules1" rules
check_output "the rules were replaced, not added again: counter kept" '^2$' \
	rule_packets 300
check "swctl fdb: the same static entries" same_out "$tmp/fdb1" statics
check "the drop rule still blocks" ping_fails rz-sv-1 10.1.0.2

# Bad lines stop the restore there: FILE:LINE, exit status 1.
# restore_fails FILE REGEX [ARG]: restore FILE (standard input, or ARG
# when given) exits with 1 and says REGEX.
restore_fails() {
	local out rc
	if [ $# -gt 2 ]; then
		out=$(ip netns exec rz-sv-sw swctl restore "$3" 2>&1)
	else
		out=$(ip netns exec rz-sv-sw swctl restore < "$1" 2>&1)
	fi
	rc=$?
	printf '%s\n' "$out"
	[ "$rc" = 1 ] && printf '%s\n' "$out" | grep -Eq -- "$2"
}
printf '%s\n' '# comment' '' 'bridge add br0 ageing 120 fdb_max_learned 500' \
	'frobnicate br0 now' 'port br0 s4 vlan access 77' > "$tmp/bad1"
check "an unknown command stops at its line (stdin:4, exit 1)" \
	restore_fails "$tmp/bad1" "^swctl: <stdin>:4: unknown command 'frobnicate br0'$"
check_output "... and the line after it did not run (s4 still default)" \
	'^s4 vlan_mode=none' config
printf '%s\n' 'port br0 s4 vlan access 77   # a comment after a command' \
	'flow add br0 priority=5,nw_tos=1 actions=drop' 'police br0 s4 off' \
	> "$tmp/bad2"
check "a bad rule stops at its line (FILE:2)" \
	restore_fails "$tmp/bad2" "^swctl: $tmp/bad2:2: failed: flow add br0 priority=5,nw_tos=1 actions=drop$" "$tmp/bad2"
check_output "... saying why" "bad match field 'nw_tos'" \
	sh -c "ip netns exec rz-sv-sw swctl restore $tmp/bad2 2>&1; true"
check_output "... after line 1 ran (s4 access 77)" '^s4 vlan_mode=access pvid=77' config
check "swctl port br0 s4 vlan none" sw port br0 s4 vlan none
printf '%s\n' 'flow add br0 priority=5,ip,tp_dst=80 actions=drop' > "$tmp/bad3"
check "a rule the module refuses: its message, stdin:1" \
	restore_fails "$tmp/bad3" 'tp_src and tp_dst need'
check "... and stdin:1 failed" restore_fails "$tmp/bad3" '^swctl: <stdin>:1: failed: '
printf '%s\n' 'bridge add br0' 'bridge port br0 nosuch0' > "$tmp/bad4"
check "bridge port of a missing device fails clearly (stdin:2)" \
	restore_fails "$tmp/bad4" '^swctl: nosuch0: no such device'
check "... at stdin:2" restore_fails "$tmp/bad4" '^swctl: <stdin>:2: failed: bridge port br0 nosuch0$'
printf '%s\n' 'bridge add s1 ageing 10' > "$tmp/bad5"
check "bridge add of a device of another kind fails" \
	restore_fails "$tmp/bad5" '^swctl: s1 exists and is not a mybridge device$'
printf '%s\n' 'fdb add br0 02:00:00:00:00:96 vlan 10 port s9' > "$tmp/bad6"
check "fdb add via a missing port fails" \
	restore_fails "$tmp/bad6" '^swctl: <stdin>:1: failed: '
check_fails "restore of a missing file fails" restore "$tmp/nosuch"
check "after the failures: still f1" same_out "$tmp/f1" sw save br0

# A second switch from an edited file: created with its parameters.
check "a dummy port for br1" ip -n rz-sv-sw link add t1 type veth peer name t2
sed -e 's/br0/br1/; /^bridge add/!d' "$tmp/f1" > "$tmp/br1"
echo 'bridge port br1 t1' >> "$tmp/br1"
check "restore creates br1 with one port" restore "$tmp/br1"
check_output "br1: ageing 120 fdb_max_learned 500, port t1" \
	'^br1: ageing 120 fdb_max_learned 500 ' sw show br1
check_output "swctl save br1" '^bridge port br1 t1$' sw save br1
check "delete br1" ip -n rz-sv-sw link del br1

# Flow export, without traffic (newer: where swctl or the module lack it,
# it is not checked).
if out=$(sw export br0 ipfix '[::1]:4739' active 30 idle 5 2>&1); then
	check "swctl save br0 > fx (exporting)" \
		sh -c "ip netns exec rz-sv-sw swctl save br0 > $tmp/fx"
	check_output "the export line comes last, IPv6 in brackets" \
		'^export br0 ipfix \[::1\]:4739 active 30 idle 5$' tail -1 "$tmp/fx"
	check "the rest is f1" same_out "$tmp/f1" head -n -1 "$tmp/fx"
	check "delete br0" ip -n rz-sv-sw link del br0
	check "swctl restore fx" restore "$tmp/fx"
	check "saved: fx" same_out "$tmp/fx" sw save br0
	check "swctl restore fx again" restore "$tmp/fx"
	check "saved: still fx" same_out "$tmp/fx" sw save br0
	check "swctl export br0 off" sw export br0 off
	check "saved: f1 again" same_out "$tmp/f1" sw save br0
else
	echo "  (swctl export br0 failed: the export line is not checked)"
	printf '%s\n' "$out" | sed 's/^/    | /'
fi

check "the switch is deleted" ip -n rz-sv-sw link del br0
check "mybridge unloads" rmmod mybridge
rz_done
