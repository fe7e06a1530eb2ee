#!/bin/bash
# mybridge's port mirroring: hosts rz-mi-1..4 (10.1.0.1-4) on ports s1-s4
# of br0 in rz-mi-sw, s1 mirrored to s4.  The mirror destination gets
# exactly the frames that entered and left s1 (both, ingress or egress
# only), nothing else: no other port's traffic, no flooding, no
# forwarding; what it sends is dropped (drop_mirror_port).  The
# "mirrored" counter, `swctl mirror del`, deleting the destination or a
# source while mirrored, refused input.
# shellcheck source-path=SCRIPTDIR source=harness/testlib.sh
. "$(dirname "$0")/harness/testlib.sh"

hosts=(rz-mi-1 rz-mi-2 rz-mi-3 rz-mi-4)
tmp=$(mktemp -d /tmp/rz-mirror.XXXXXX)
trap 'rz_netns_del "${hosts[@]}" rz-mi-sw; rmmod mybridge 2>/dev/null;
      rm -rf "$tmp"' EXIT
# Kernel complaints so far (the test must add none).
warnings() { dmesg | grep -cE 'BUG:|WARNING:|Oops|general protection' || true; }
warnings0=$(warnings)
check "load mybridge" rz_insmod mybridge
check "br0 with four ports" rz_switch mybridge rz-mi-sw "${hosts[@]}"

N=5
sw() { ip netns exec rz-mi-sw swctl "$@"; }
# ping_ok NS DST [COUNT]: COUNT (2) pings, every one answered.
ping_ok() { ip netns exec "$1" ping -n -c "${3:-2}" -i 0.2 -w 10 "$2"; }
# lost NS DST COUNT: COUNT pings, for their statistics only.
lost() {
	ip netns exec "$1" ping -n -c "$3" -i 0.2 -W 1 "$2"
	true
}
# broadcast NS COUNT: COUNT broadcast pings to 10.1.0.255 (unanswered:
# hosts ignore broadcast echo requests).
broadcast() {
	ip netns exec "$1" ping -n -b -c "$2" -i 0.2 -W 1 10.1.0.255 \
		>/dev/null 2>&1
	true
}
mirrored() { rz_br_stat rz-mi-sw mirrored; }
# port_json PORT KEY: a key of PORT in swctl -j show br0 (JSON), null
# when absent.
port_json() {
	sw -j show br0 | /usr/bin/python3 -c "
import json, sys
for p in json.load(sys.stdin)[0]['ports']:
    if p['ifname'] == '$1':
        print(json.dumps(p.get('$2')))"
}
# port_line PORT: PORT's line of swctl show br0 (its set-up).
port_line() { sw show br0 | grep "^  port $1:"; }
# refused COMMAND...: COMMAND fails; prints what it said.
refused() {
	local out
	if out=$("$@" 2>&1); then
		echo "succeeded: $out"
		return 1
	fi
	printf '%s\n' "$out"
}

# capture NS NAME: tcpdump of what eth0 in NS receives (-Q in) into
# NAME.pcap, in the background; capture_stop NAME... ends them and
# decodes each (-e) into NAME.txt.
declare -A cap_pid
capture() {
	ip netns exec "$1" timeout 90 tcpdump -n -U --immediate-mode -Q in \
		-i eth0 -w "$tmp/$2.pcap" 2> "$tmp/$2.err" &
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
started() { return "$1"; }
# lines NAME REGEX: how many lines of capture NAME match REGEX.
lines() { grep -Ec -- "$2" "$tmp/$1.txt" || true; }
req12='02:00:00:00:00:01 > 02:00:00:00:00:02, .* 10\.1\.0\.1 > 10\.1\.0\.2: ICMP echo request'
rep21='02:00:00:00:00:02 > 02:00:00:00:00:01, .* 10\.1\.0\.2 > 10\.1\.0\.1: ICMP echo reply'

# Every host talks once: br0 learns all four MACs (s4's too).
check "rz-mi-1 pings rz-mi-2, rz-mi-3 and rz-mi-4" sh -c "
	ip netns exec rz-mi-1 ping -n -c 1 -w 10 10.1.0.2 &&
	ip netns exec rz-mi-1 ping -n -c 1 -w 10 10.1.0.3 &&
	ip netns exec rz-mi-1 ping -n -c 1 -w 10 10.1.0.4"
check_output "br0 learned 02:00:00:00:00:04 on s4" \
	'^02:00:00:00:00:04 vlan 0 port s4 learned' sw fdb br0

check "swctl mirror add br0 src s1 dst s4" sw mirror add br0 src s1 dst s4
check_output "swctl show: s1 mirror_ingress s4 mirror_egress s4" \
	'^  port s1: .* mirror_ingress s4 mirror_egress s4$' port_line s1
check_output "swctl -j show: s1 mirror_ingress" '^"s4"$' port_json s1 mirror_ingress
check_output "swctl -j show: s1 mirror_egress" '^"s4"$' port_json s1 mirror_egress
check_output "s4 mirrors nothing itself" '^null$' port_json s4 mirror_ingress

# Both directions: N requests in, N replies out; rz-mi-2 <-> rz-mi-3 not.
m0=$(mirrored)
capture rz-mi-4 both
check "tcpdump on rz-mi-4" started $?
check_output "rz-mi-1 pings rz-mi-2 $N times" ' 0% packet loss' \
	ping_ok rz-mi-1 10.1.0.2 $N
check_output "rz-mi-2 pings rz-mi-3 $N times" ' 0% packet loss' \
	ping_ok rz-mi-2 10.1.0.3 $N
capture_stop both
check_output "rz-mi-4 got the $N requests that entered s1" "^$N\$" lines both "$req12"
check_output "and the $N replies that left s1" "^$N\$" lines both "$rep21"
check_output "and nothing else: $((2 * N)) frames" "^$((2 * N))\$" lines both .
check_output "none of rz-mi-2 <-> rz-mi-3" '^0$' lines both '10\.1\.0\.3'
check_output "mirrored counted $((2 * N))" "^$((m0 + 2 * N))\$" mirrored

# Flooding does not reach the mirror destination: a broadcast and an
# unknown unicast from rz-mi-2 reach s4 once each, as the copy of what
# left s1, not a second time flooded.
check "rz-mi-2 knows 10.1.0.99 as 02:00:00:00:00:99 (unknown to br0)" \
	ip -n rz-mi-2 neigh replace 10.1.0.99 nud permanent \
	lladdr 02:00:00:00:00:99 dev eth0
m0=$(mirrored)
capture rz-mi-4 flood && capture rz-mi-3 flood3
check "tcpdump on rz-mi-4 and rz-mi-3" started $?
broadcast rz-mi-2 3
lost rz-mi-2 10.1.0.99 3 > /dev/null
capture_stop flood flood3
check_output "rz-mi-3 got the 3 broadcasts (flooded)" '^3$' \
	lines flood3 '02:00:00:00:00:02 > ff:ff:ff:ff:ff:ff'
check_output "and the 3 frames to the unknown MAC (flooded)" '^3$' \
	lines flood3 '02:00:00:00:00:02 > 02:00:00:00:00:99'
check_output "rz-mi-4 got each broadcast once (s1's egress copy)" '^3$' \
	lines flood '02:00:00:00:00:02 > ff:ff:ff:ff:ff:ff'
check_output "and each unknown unicast once" '^3$' \
	lines flood '02:00:00:00:00:02 > 02:00:00:00:00:99'
check_output "nothing else" '^6$' lines flood .
check_output "mirrored counted 6" "^$((m0 + 6))\$" mirrored

# Known unicast is not forwarded to the mirror destination either, and
# what it sends is dropped: rz-mi-1 pings rz-mi-4 (learned on s4 before
# it became the destination).  rz-mi-4 gets the copies of the requests
# (s1's ingress) only, and its replies are dropped.
d0=$(rz_port_stat rz-mi-sw s4 drop_mirror_port)
db0=$(rz_br_stat rz-mi-sw drop_mirror_port)
capture rz-mi-4 known
check "tcpdump on rz-mi-4" started $?
check_output "rz-mi-1's 3 pings to rz-mi-4 are not answered" \
	'3 packets transmitted, 0 received' lost rz-mi-1 10.1.0.4 3
capture_stop known
check_output "rz-mi-4 got each request once (the mirror copy, not forwarded)" \
	'^3$' lines known '02:00:00:00:00:01 > 02:00:00:00:00:04, .* ICMP echo request'
check_output "nothing else" '^3$' lines known .
check_output "drop_mirror_port on s4 counted rz-mi-4's 3 replies" \
	"^$((d0 + 3))\$" rz_port_stat rz-mi-sw s4 drop_mirror_port
d1=$(rz_port_stat rz-mi-sw s4 drop_mirror_port)
capture rz-mi-2 from4
check "tcpdump on rz-mi-2" started $?
check_output "rz-mi-4's 3 pings to rz-mi-2 are not answered" \
	'3 packets transmitted, 0 received' lost rz-mi-4 10.1.0.2 3
capture_stop from4
check_output "rz-mi-2 saw none of them" '^0$' lines from4 .
check_output "drop_mirror_port on s4 counted them" \
	"^$((d1 + 3))\$" rz_port_stat rz-mi-sw s4 drop_mirror_port
check_output "drop_mirror_port of br0 counted what s4 did" \
	"^$((db0 + $(rz_port_stat rz-mi-sw s4 drop_mirror_port) - d0))\$" \
	rz_br_stat rz-mi-sw drop_mirror_port

# Ingress only.
check "swctl mirror del br0 src s1" sw mirror del br0 src s1
check_fails "swctl show: no mirror on s1" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"
check "swctl mirror add br0 src s1 dst s4 ingress" \
	sw mirror add br0 src s1 dst s4 ingress
check_output "swctl show: s1 mirror_ingress s4 only" \
	'^  port s1: .* mirror_ingress s4$' port_line s1
m0=$(mirrored)
capture rz-mi-4 ingress
check "tcpdump on rz-mi-4" started $?
check_output "rz-mi-1 pings rz-mi-2 $N times" ' 0% packet loss' \
	ping_ok rz-mi-1 10.1.0.2 $N
capture_stop ingress
check_output "rz-mi-4 got the $N requests" "^$N\$" lines ingress "$req12"
check_output "and no reply" '^0$' lines ingress 'echo reply'
check_output "nothing else" "^$N\$" lines ingress .
check_output "mirrored counted $N" "^$((m0 + N))\$" mirrored

# Egress only.
check "swctl mirror del br0 src s1 ingress" sw mirror del br0 src s1 ingress
check_fails "swctl show: no mirror on s1" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"
check "swctl mirror add br0 src s1 dst s4 egress" \
	sw mirror add br0 src s1 dst s4 egress
check_output "swctl show: s1 mirror_egress s4 only" \
	'^  port s1: .* mirror_egress s4$' port_line s1
m0=$(mirrored)
capture rz-mi-4 egress
check "tcpdump on rz-mi-4" started $?
check_output "rz-mi-1 pings rz-mi-2 $N times" ' 0% packet loss' \
	ping_ok rz-mi-1 10.1.0.2 $N
capture_stop egress
check_output "rz-mi-4 got the $N replies" "^$N\$" lines egress "$rep21"
check_output "and no request" '^0$' lines egress 'echo request'
check_output "nothing else" "^$N\$" lines egress .
check_output "mirrored counted $N" "^$((m0 + N))\$" mirrored

# No mirror: s4 is a normal port again.
check "swctl mirror del br0 src s1" sw mirror del br0 src s1
check_fails "swctl show: no mirror at all" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"
m0=$(mirrored)
capture rz-mi-4 none
check "tcpdump on rz-mi-4" started $?
check_output "rz-mi-1 pings rz-mi-2 $N times" ' 0% packet loss' \
	ping_ok rz-mi-1 10.1.0.2 $N
capture_stop none
check_output "rz-mi-4 got none of it" '^0$' lines none .
check_output "mirrored did not move" "^$m0\$" mirrored
check_output "rz-mi-1 pings rz-mi-4" ' 0% packet loss' ping_ok rz-mi-1 10.1.0.4
check_output "rz-mi-4 pings rz-mi-2" ' 0% packet loss' ping_ok rz-mi-4 10.1.0.2
capture rz-mi-4 bcast
check "tcpdump on rz-mi-4" started $?
broadcast rz-mi-2 3
capture_stop bcast
check_output "broadcasts from rz-mi-2 are flooded to rz-mi-4 again" '^3$' \
	lines bcast '02:00:00:00:00:02 > ff:ff:ff:ff:ff:ff'

# Refused input; nothing changes.
check_output "a port cannot mirror to itself" 'cannot mirror to itself' \
	refused sw mirror add br0 src s1 dst s1
check_output "an unknown destination is refused" 'no such device' \
	refused sw mirror add br0 src s1 dst nosuch
check_output "an unknown source is refused" 'no such device' \
	refused sw mirror add br0 src nosuch dst s4
check_output "a destination that is not a port is refused" \
	'not a port of this switch' refused sw mirror add br0 src s1 dst lo
check_output "a source that is not a port is refused" \
	'not a port of this switch' refused sw mirror add br0 src lo dst s4
check_output "a bad direction is refused" 'usage' \
	refused sw mirror add br0 src s1 dst s4 sideways
check_output "mirror del of an unknown port is refused" 'no such device' \
	refused sw mirror del br0 src nosuch
check_fails "swctl show: still no mirror" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"

# The destination goes away while mirrored: the mirror ends with it.
check "swctl mirror add br0 src s1 dst s4" sw mirror add br0 src s1 dst s4
check "delete s4's veth" ip -n rz-mi-sw link del s4
check_fails "swctl show: s1 mirrors no more" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"
check_output "swctl -j show: s1 mirror_ingress gone" '^null$' \
	port_json s1 mirror_ingress
m0=$(mirrored)
check_output "rz-mi-1 pings rz-mi-2" ' 0% packet loss' ping_ok rz-mi-1 10.1.0.2
check_output "mirrored did not move" "^$m0\$" mirrored

# A source goes away while mirrored: its destination switches again.
check "swctl mirror add br0 src s2 dst s3" sw mirror add br0 src s2 dst s3
check_output "s3, a mirror destination, takes no part in switching" \
	' 0 received' lost rz-mi-1 10.1.0.3 2
check "delete s2's veth" ip -n rz-mi-sw link del s2
check_fails "swctl show: no mirror" sh -c \
	"ip netns exec rz-mi-sw swctl show br0 | grep -E ' mirror_(ingress|egress) '"
check_output "rz-mi-1 pings rz-mi-3 again" ' 0% packet loss' \
	ping_ok rz-mi-1 10.1.0.3

check_output "no kernel warning" "^$warnings0\$" warnings
check "rmmod mybridge" timeout 60 rmmod mybridge
rz_done
