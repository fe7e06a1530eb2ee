#!/bin/bash
# mybridge's ingress policing: hosts rz-po-1 and rz-po-2 (10.1.0.1-2) on
# ports s1 and s2 of br0 in rz-po-sw, s1 policed at 10 Mbit/s with a
# 64 KiB burst.  pktgen in rz-po-1 sends 1000-byte UDP frames to rz-po-2
# as fast as it can (far above 10 Mbit/s): what rz-po-2 receives, less
# the burst, over the time pktgen took, is the rate within 10%, and
# drop_police counts the rest.  swctl's view, `police ... off`, refused
# input.
# shellcheck source-path=SCRIPTDIR source=harness/testlib.sh
. "$(dirname "$0")/harness/testlib.sh"

hosts=(rz-po-1 rz-po-2)
pktgen_loaded=$(grep -c '^pktgen ' /proc/modules)
trap 'rz_netns_del "${hosts[@]}" rz-po-sw; rmmod mybridge 2>/dev/null;
      [ "$pktgen_loaded" = 0 ] && rmmod pktgen 2>/dev/null' EXIT
check "load mybridge" rz_insmod mybridge
check "load pktgen" modprobe pktgen
check "br0 with two ports" rz_switch mybridge rz-po-sw "${hosts[@]}"
check_output "rz-po-1 pings rz-po-2 (br0 learns both)" ' 0% packet loss' \
	ip netns exec rz-po-1 ping -n -c 2 -i 0.2 -w 10 10.1.0.2

sw() { ip netns exec rz-po-sw swctl "$@"; }
# port_json PORT KEY: a key of PORT in swctl -j show br0 (JSON), null
# when absent.
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
status() { return "$1"; }
# rx NAME: counter NAME of rz-po-2's eth0.
rx() { ip netns exec rz-po-2 cat "/sys/class/net/eth0/statistics/$1"; }

# pktgen in rz-po-1 (as bench/lib.sh drives it): pg FILE CMD writes a
# command and insists that pktgen took it.
pg() {
	ip netns exec rz-po-1 sh -c "echo '$2' > /proc/net/pktgen/$1 &&
		grep -q '^Result: OK' /proc/net/pktgen/$1" || {
		ip netns exec rz-po-1 grep '^Result' "/proc/net/pktgen/$1"
		return 1
	}
}
# pg_setup: 1000-byte UDP frames from eth0 to rz-po-2's MAC, a fresh
# skb each, back to back.  The IP destination is not rz-po-2's: its
# stack drops them quietly (no forwarding, no ICMP back).
pg_setup() {
	local c
	pg kpktgend_0 rem_device_all && pg kpktgend_0 "add_device eth0" ||
		return 1
	for c in "clone_skb 0" "burst 1" "pkt_size 1000" "delay 0" \
		 "flag NO_TIMESTAMP" "src_mac 02:00:00:00:00:01" \
		 "dst_mac 02:00:00:00:00:02" "src_min 10.1.0.1" \
		 "src_max 10.1.0.1" "dst 10.1.0.99"; do
		pg eth0 "$c" || return 1
	done
}
# pg_run COUNT: send COUNT frames; pktgen's report into $report.
pg_run() {
	pg eth0 "count $1" &&
	ip netns exec rz-po-1 sh -c 'echo start > /proc/net/pktgen/pgctrl' &&
	report=$(ip netns exec rz-po-1 sed -n "/^Result:/,\$p" \
		/proc/net/pktgen/eth0)
}
# From the report: "Result: OK: 340030(c331146+d8884) usec, 20000
# (1000byte,0frags)\n  58818pps 470Mb/sec (470544000bps) errors: 0".
pg_usec() { printf '%s\n' "$report" | sed -n 's/^Result: OK: \([0-9]*\)(.*/\1/p'; }
pg_sent() { printf '%s\n' "$report" | sed -n 's/.* usec, \([0-9]*\) (.*/\1/p'; }
pg_errors() { printf '%s\n' "$report" | sed -n 's/.*errors: \([0-9]*\).*/\1/p'; }

check "pktgen in rz-po-1 on eth0, 1000-byte frames" pg_setup

# The set-up.
check "swctl police br0 s1 rate 10mbit burst 64k" \
	sw police br0 s1 rate 10mbit burst 64k
check_output "swctl show: s1 police_rate 1250000 police_burst 65536" \
	'^  port s1: .* police_rate 1250000 police_burst 65536( |$)' sw show br0
check_output "swctl -j show: police_rate" '^1250000$' port_json s1 police_rate
check_output "swctl -j show: police_burst" '^65536$' port_json s1 police_burst
check_output "s2 is not policed" '^null$' port_json s2 police_rate

# The rate.  At some 20-60k frames/s under emulation, 100000 frames take
# 2-5 s: the 64 KiB burst is a small part of what gets through.
count=100000
rate=1250000
burst=65536
s1_rx0=$(rz_port_stat rz-po-sw s1 rx_packets)
drop0=$(rz_port_stat rz-po-sw s1 drop_police)
pk0=$(rx rx_packets) by0=$(rx rx_bytes)
pg_run $count
check "pktgen sends $count frames" status $?
usec=$(pg_usec) sent=$(pg_sent)
pk=$(($(rx rx_packets) - pk0)) by=$(($(rx rx_bytes) - by0))
echo "  # pktgen: $sent frames in $usec us, errors $(pg_errors);" \
	"rz-po-2 received $pk frames, $by bytes"
check_output "pktgen sent them all, without errors" "^$count 0\$" \
	echo "$sent $(pg_errors)"
check_output "all of them entered s1" "^$((s1_rx0 + count))\$" \
	rz_port_stat rz-po-sw s1 rx_packets
# offered BYTES USEC: the rate in bit/s.
bits_per_s() { echo $(($1 * 8 * 1000000 / $2)); }
check_output "the offered load was well above 10 Mbit/s (at least 30)" \
	'^ok' sh -c "[ $(bits_per_s $((sent * 1000)) "$usec") -ge 30000000 ] &&
	echo ok $(bits_per_s $((sent * 1000)) "$usec") bit/s"
measured=$(((by - burst) * 1000000 / usec))
check_output "(received - burst) / elapsed = $measured B/s, 1250000 +- 10%" \
	'^ok' sh -c "[ $measured -ge $((rate * 9 / 10)) ] &&
	[ $measured -le $((rate * 11 / 10)) ] && echo ok"
check_output "some got through, not all" '^ok' sh -c \
	"[ $pk -gt 0 ] && [ $pk -lt $count ] && echo ok"
check_output "drop_police on s1 = sent - received = $((count - pk))" \
	"^$((drop0 + count - pk))\$" rz_port_stat rz-po-sw s1 drop_police
check_output "drop_police of br0 as well" "^$((drop0 + count - pk))\$" \
	rz_br_stat rz-po-sw drop_police

# Refused input; the set-up stays.
check_output "rate 0 is refused" 'rate' \
	refused sw police br0 s1 rate 0 burst 64k
check_output "rate abc is refused" 'rate' \
	refused sw police br0 s1 rate abc burst 64k
check_output "rate 10furlongs is refused" 'rate' \
	refused sw police br0 s1 rate 10furlongs burst 64k
check_output "burst 1000 (less than a full frame, 1514) is refused" '.' \
	refused sw police br0 s1 rate 10mbit burst 1000
check_output "burst 1513 is refused" '.' \
	refused sw police br0 s1 rate 10mbit burst 1513
check_output "burst abc is refused" 'burst' \
	refused sw police br0 s1 rate 10mbit burst abc
check_output "a missing burst is refused" 'usage' \
	refused sw police br0 s1 rate 10mbit
check_output "an unknown port is refused" 'no such device' \
	refused sw police br0 nosuch rate 10mbit burst 64k
check_output "lo (not a port) is refused" 'not a port of this switch' \
	refused sw police br0 lo rate 10mbit burst 64k
check_output "swctl show: still police_rate 1250000 police_burst 65536" \
	'^  port s1: .* police_rate 1250000 police_burst 65536( |$)' sw show br0
check "burst 1514 (one full frame) is taken" \
	sw police br0 s1 rate 10mbit burst 1514
check_output "swctl show: police_burst 1514" \
	'^  port s1: .* police_rate 1250000 police_burst 1514( |$)' sw show br0

# Off: everything passes.
check "swctl police br0 s1 off" sw police br0 s1 off
check_fails "swctl show: no policing" sh -c \
	"ip netns exec rz-po-sw swctl show br0 | grep police_"
count=20000
drop0=$(rz_port_stat rz-po-sw s1 drop_police)
pk0=$(rx rx_packets)
pg_run $count
check "pktgen sends $count frames" status $?
check_output "rz-po-2 received all $count" "^$count\$" \
	echo $(($(rx rx_packets) - pk0))
check_output "drop_police did not move" "^$drop0\$" \
	rz_port_stat rz-po-sw s1 drop_police

check "pktgen lets go of eth0" pg kpktgend_0 rem_device_all
rz_done
