#!/bin/bash
# Benchmark: packets per second through myvxlan's transmit path, against
# Linux's own vxlan on the same topology, in one QEMU run.
#
# Reproduce (as root, in the checkout):   bench/vxlan.sh
# It builds what it needs (the cached test kernel, the modules in
# build/mod-bench, the tools), boots the QEMU machine once with one vCPU
# and RZ_ICOUNT=1 (-icount shift=0,sleep=off: one executed instruction is
# one nanosecond of guest time, so the time per packet is its instruction
# count and the rates repeat exactly; this holds only when qemu.sh
# emulates the CPU, i.e. without a usable /dev/kvm), and prints the
# packets per second of each kind, per round and their median, the ratio
# of the medians myvxlan/vxlan, and the spread of the rounds.  Optional
# arguments: the packets per run and the rounds (default 1000000 and 3).
# About 2.5 minutes on a 2-core machine, a minute of it booting; the
# round lines and logs go to the console, the summary to
# build/bench/vxlan.summary as well.
#
# What is measured.  For each kind K (myvxlan, vxlan) two namespaces
# rzb-K-a and rzb-K-b are joined by a veth pair (veth0 10.0.0.1 in A,
# veth1 in B).  A holds vx0 of kind K, created by the same command for both
# kinds: `ip link add vx0 type K id 42 local 10.0.0.1 remote 10.0.0.2
# dstport 4789 dev veth0`.  pktgen, in A, transmits on vx0 directly
# (ndo_start_xmit): 64-byte Ethernet frames carrying UDP 192.168.99.1:9 ->
# 192.168.99.2:9, to a unicast MAC absent from the FDB, so both kinds
# look it up, fall back to the default (all-zeros) entry and encapsulate
# towards 10.0.0.2: 114-byte frames on veth0.  A fresh skb per packet
# (clone_skb 0: a tunnel writes headers into the skb, so it cannot be
# resent), burst 1, no timestamp.  pktgen's own report gives the rate
# ("Result: ... NNNpps" in /proc/net/pktgen/vx0, timed in guest time).
#
# Why B drops the packets as it does.  With one vCPU the receive side's
# work counts in the measured time too (pktgen's local_bh_enable() runs
# the softirq that delivers what veth queued), so B must cost the same for
# both kinds and as little as possible, leaving the VXLAN transmit path as
# the larger share of the figure.  A permanent neighbour entry in A sends
# 10.0.0.2 to a MAC that is not veth1's: B's IPv4 receive drops every
# frame at its first check (PACKET_OTHERHOST), after veth1 has counted it.
# No decapsulating vxlan on B (it would add the same receive cost to both
# sides and shrink the difference), no closed UDP port either (B would
# answer with ICMP errors that A's tunnel socket then handles, differently
# per kind).  The permanent entry also keeps ARP out, and no IPv6 address
# is generated on any device, so the only frames on the wire are
# pktgen's.  Checks, not timings: before the timed runs, a short run per
# kind is captured on veth1 by tcpdump and must decode as VXLAN VNI 42
# carrying pktgen's UDP packet; after every timed run, veth1 must have
# received exactly the packets pktgen sent, of 114 bytes each, and pktgen
# must report no error.
#
# Runs alternate between the kinds (myvxlan first in odd rounds, vxlan
# first in even ones).  Nothing here is a threshold: the figures are
# printed, not judged.
set -euo pipefail

. "$(dirname "$0")/lib.sh"

if [ "${1:-}" != --in-vm ]; then
	bench_host vxlan "${1:-1000000}" "${2:-3}"
fi

# ---------------------------------------------------------------- guest
# usage: vxlan.sh --in-vm MODDIR OUT COUNT ROUNDS
moddir=$2 out=$3 count=$4 rounds=$5
root=$(cd "$(dirname "$0")/.." && pwd)
kinds="myvxlan vxlan"
vx_mac=02:00:00:00:01:01	# vx0 in A (pktgen's source MAC)
inner_dst=02:00:00:00:02:01	# pktgen's destination MAC, not in the FDB
sink_mac=02:00:00:00:00:02	# what A believes 10.0.0.2 is
veth1_mac=02:00:00:00:00:b1	# what veth1 really is
frame=114			# 64-byte inner frame + 50 bytes of VXLAN/UDP/IPv4
tmp=$(mktemp -d /tmp/rz-bench.XXXXXX)

cleanup() {
	local k
	for k in $kinds; do
		ip netns pids "rzb-$k-b" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "rzb-$k-a" 2>/dev/null
		ip netns del "rzb-$k-b" 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

bench_warn_kvm

modprobe -a udp_tunnel ip6_udp_tunnel vxlan pktgen ||
	die "modprobe udp_tunnel ip6_udp_tunnel vxlan pktgen failed"
insmod "$moddir/mod-vxlan/myvxlan.ko" || die "insmod myvxlan failed"

# setup KIND: the two namespaces, their underlay, vx0 of link kind KIND in
# A, and pktgen in A bound to vx0.
setup() {
	local k=$1 a=rzb-$1-a b=rzb-$1-b
	ip netns add "$a" && ip netns add "$b" &&
	ip -n "$a" link add veth0 type veth \
		peer name veth1 address $veth1_mac netns "$b" &&
	ip -n "$a" link set veth0 addrgenmode none &&
	ip -n "$b" link set veth1 addrgenmode none &&
	ip -n "$a" addr add 10.0.0.1/24 dev veth0 &&
	ip -n "$a" neigh add 10.0.0.2 lladdr $sink_mac dev veth0 \
		nud permanent &&
	ip -n "$a" link set lo up && ip -n "$b" link set lo up &&
	ip -n "$a" link set veth0 up && ip -n "$b" link set veth1 up &&
	IP_LIB_DIR=$root/tools ip -n "$a" link add vx0 address $vx_mac \
		type "$k" id 42 local 10.0.0.1 remote 10.0.0.2 \
		dstport 4789 dev veth0 &&
	ip -n "$a" link set vx0 addrgenmode none &&
	ip -n "$a" addr add 192.168.99.1/24 dev vx0 &&
	ip -n "$a" link set vx0 up || die "setting up $k failed"
	pg_setup "$a" vx0 $vx_mac $inner_dst 192.168.99.1 192.168.99.2
}

# run KIND N: N packets from pktgen on KIND's vx0; prints its report.
run() {
	pg_run "rzb-$1-a" vx0 "$2"
}

# validate KIND: 10 packets captured on B's veth1 must decode as VXLAN,
# VNI 42, from 10.0.0.1 to 10.0.0.2:4789, holding pktgen's UDP packet.
# tcpdump decodes port 4789 as VXLAN by itself (-T vxlan would take the
# inner UDP packet for VXLAN too).
validate() {
	local k=$1 b=rzb-$1-b tpid i n
	ip netns exec "$b" timeout 120 tcpdump -p -n -l --immediate-mode \
		-c 10 -i veth1 udp port 4789 \
		> "$tmp/td.out" 2> "$tmp/td.err" &
	tpid=$!
	for i in $(seq 300); do
		grep -q '^listening on' "$tmp/td.err" && break
		sleep 0.2
	done
	run "$k" 10 > /dev/null
	wait "$tpid" || true
	n=$(awk '/^[0-9]+:[0-9]+:[0-9.]+ / { if (l != "") print l; l = $0; next }
		NF { l = l " | " $0 }
		END { if (l != "") print l }' "$tmp/td.out" |
		grep -cE 'IP 10\.0\.0\.1\.[0-9]+ > 10\.0\.0\.2\.4789: VXLAN, flags \[I\] \(0x08\), vni 42 \| IP 192\.168\.99\.1\.9 > 192\.168\.99\.2\.9: UDP') ||
		true
	if [ "$n" != 10 ]; then
		cat "$tmp/td.err" "$tmp/td.out" >&2
		die "$k: $n of 10 captured packets decode as expected"
	fi
	log "$k: 10 of 10 packets captured on B decode as VXLAN vni 42" \
		"carrying UDP 192.168.99.1:9 > 192.168.99.2:9"
}

# measure KIND ROUND: one timed run, checked; appends "KIND PPS" to
# vxlan.runs.
measure() {
	local k=$1 r=$2 a=rzb-$1-a b=rzb-$1-b
	local rx0 rxb0 tx0 txd0 rx rxb tx txd rep pps err
	rx0=$(counter "$b" veth1 rx_packets) rxb0=$(counter "$b" veth1 rx_bytes)
	tx0=$(counter "$a" vx0 tx_packets) txd0=$(counter "$a" vx0 tx_dropped)
	rep=$(run "$k" "$count")
	rx=$(($(counter "$b" veth1 rx_packets) - rx0))
	rxb=$(($(counter "$b" veth1 rx_bytes) - rxb0))
	tx=$(($(counter "$a" vx0 tx_packets) - tx0))
	txd=$(($(counter "$a" vx0 tx_dropped) - txd0))
	pps=$(pg_pps "$rep")
	err=$(pg_errors "$rep")
	printf '%-7s round %s: %s pps; pktgen errors %s; vx0 sent %s, dropped %s; veth1 on B received %s (%s bytes)\n' \
		"$k" "$r" "$pps" "$err" "$tx" "$txd" "$rx" "$rxb"
	if [ -z "$pps" ] || [ "$err" != 0 ] || [ "$rx" != "$count" ] ||
	   [ "$rxb" != $((count * frame)) ]; then
		printf '%s\n' "$rep" >&2
		die "$k round $r: not every packet went through as expected"
	fi
	echo "$k $pps" >> "$out/vxlan.runs"
}

for k in $kinds; do
	setup "$k"
done
log "topology ready: $kinds, each in its own pair of namespaces"
for k in $kinds; do
	validate "$k"
done

: > "$out/vxlan.runs"
bench_rounds "$kinds" "$rounds" measure
bench_summary "$kinds" "$out/vxlan.runs" > "$out/vxlan.summary"
