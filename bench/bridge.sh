#!/bin/bash
# Benchmark: packets per second switched by mybridge, against Linux's own
# bridge on the same topology, in one QEMU run.
#
# Reproduce (as root, in the checkout):   bench/bridge.sh [COUNT] [ROUNDS]
# Like bench/vxlan.sh (see bench/lib.sh): the cached test kernel, one
# vCPU with -icount shift=0,sleep=off, so that the rates are instruction
# counts and repeat exactly; per round and median packets per second of
# each kind, the ratio mybridge/bridge and the spread.  COUNT packets per
# run (default 1000000), ROUNDS rounds (default 3).  The summary is also
# left in build/bench/bridge.summary.
#
# What is measured.  For each kind K (mybridge, bridge) three namespaces:
# rzb-K-a (veth0, where pktgen sends), rzb-K-s (the switch br0 with ports
# p0 and p1, the peers of veth0 and veth1) and rzb-K-b (veth1, the sink).
# pktgen sends 64-byte UDP frames to a MAC that the switch has as a static
# entry on p1, so each frame is looked up and forwarded as known unicast:
# veth0 -> p0 -> br0 -> p1 -> veth1.  B drops them at once: the MAC is
# not veth1's (PACKET_OTHERHOST).  With one vCPU the whole path (both
# veth hops and B's drop, the same for both kinds) counts in the time per
# packet.  The static entry is added the way each kind takes it: `bridge
# fdb add MAC dev br0 self static via p1` for mybridge, `bridge fdb add
# MAC dev p1 master static` for Linux's bridge.  Source MAC learning runs
# on every frame in both (one source, already known after the first).
# No IPv6 addresses and no ARP: pktgen's are the only frames.  Checks,
# not timings: after every run, veth1 must have received exactly the
# packets pktgen sent with no pktgen error, and the switch must not have
# flooded (p0's peer saw nothing come back).
set -euo pipefail

. "$(dirname "$0")/lib.sh"

if [ "${1:-}" != --in-vm ]; then
	bench_host bridge "${1:-1000000}" "${2:-3}"
fi

# ---------------------------------------------------------------- guest
# usage: bridge.sh --in-vm MODDIR OUT COUNT ROUNDS
moddir=$2 out=$3 count=$4 rounds=$5
kinds="mybridge bridge"
src_mac=02:00:00:00:0a:01	# veth0 in A
dst_mac=02:00:00:00:0b:99	# pktgen's destination: static on p1

cleanup() {
	local k n
	for k in $kinds; do
		for n in a s b; do
			ip netns del "rzb-$k-$n" 2>/dev/null
		done
	done
}
trap cleanup EXIT

bench_warn_kvm
modprobe -a bridge pktgen || die "modprobe bridge pktgen failed"
insmod "$moddir/mod-bridge/mybridge.ko" || die "insmod mybridge failed"

# setup KIND: the three namespaces, the switch of link kind KIND with its
# static entry, and pktgen in A bound to veth0.
setup() {
	local k=$1 a=rzb-$1-a s=rzb-$1-s b=rzb-$1-b d
	for d in $a $s $b; do
		ip netns add "$d" && ip -n "$d" link set lo up ||
			die "namespace $d"
	done
	ip -n "$s" link add br0 type "$k" &&
	ip -n "$s" link set br0 addrgenmode none &&
	ip -n "$s" link add p0 type veth peer name veth0 \
		address $src_mac netns "$a" &&
	ip -n "$s" link add p1 type veth peer name veth1 netns "$b" &&
	for d in p0 p1; do
		ip -n "$s" link set $d addrgenmode none &&
		ip -n "$s" link set $d master br0 &&
		ip -n "$s" link set $d up || return 1
	done &&
	ip -n "$a" link set veth0 addrgenmode none &&
	ip -n "$b" link set veth1 addrgenmode none &&
	ip -n "$a" link set veth0 up && ip -n "$b" link set veth1 up &&
	ip -n "$s" link set br0 up || die "setting up $k failed"
	if [ "$k" = mybridge ]; then
		bridge -n "$s" fdb add $dst_mac dev br0 self static via p1
	else
		bridge -n "$s" fdb add $dst_mac dev p1 master static
	fi || die "$k: static FDB entry refused"
	pg_setup "$a" veth0 $src_mac $dst_mac 10.2.0.1 10.2.0.2
}

# measure KIND ROUND: one timed run, checked; appends "KIND PPS".
measure() {
	local k=$1 r=$2 a=rzb-$1-a b=rzb-$1-b
	local rx0 back0 rx back rep pps err
	rx0=$(counter "$b" veth1 rx_packets)
	back0=$(counter "$a" veth0 rx_packets)
	rep=$(pg_run "$a" veth0 "$count")
	rx=$(($(counter "$b" veth1 rx_packets) - rx0))
	back=$(($(counter "$a" veth0 rx_packets) - back0))
	pps=$(pg_pps "$rep")
	err=$(pg_errors "$rep")
	printf '%-8s round %s: %s pps; pktgen errors %s; veth1 on B received %s; back to A %s\n' \
		"$k" "$r" "$pps" "$err" "$rx" "$back"
	if [ -z "$pps" ] || [ "$err" != 0 ] || [ "$rx" != "$count" ] ||
	   [ "$back" != 0 ]; then
		printf '%s\n' "$rep" >&2
		die "$k round $r: not every packet was switched as expected"
	fi
	echo "$k $pps" >> "$out/bridge.runs"
}

for k in $kinds; do
	setup "$k"
done
log "topology ready: $kinds, each with its own three namespaces"
: > "$out/bridge.runs"
bench_rounds "$kinds" "$rounds" measure
bench_summary "$kinds" "$out/bridge.runs" > "$out/bridge.summary"
