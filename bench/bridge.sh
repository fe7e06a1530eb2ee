#!/bin/bash
# Benchmark: packets per second switched by mybridge, by Linux's bridge and
# by the Open vSwitch kernel datapath on the same topology, with one flow
# and with 10,000 flows, in one QEMU run; and the floor, a "switch" that
# only forwards.
#
# Reproduce (as root, in the checkout):   bench/bridge.sh [COUNT] [ROUNDS]
# Like bench/vxlan.sh (see bench/lib.sh): the cached test kernel, one
# vCPU with -icount shift=0,sleep=off, so that the rates are instruction
# counts and repeat exactly; per scenario, per round and median packets
# per second of each kind, the ratios mybridge/bridge and mybridge/ovs and
# the spread.  COUNT packets per run (default 1000000), ROUNDS rounds
# (default 3).  The summary is also left in build/bench/bridge.summary.
#
# What is measured.  For each kind K (mybridge, bridge, ovs, wire) and scenario
# S (1flow, 10kflows) three namespaces: rzb-K-S-a (veth0, where pktgen
# sends), rzb-K-S-s (the switch with ports p0 and p1, the peers of veth0
# and veth1) and rzb-K-S-b (veth1, the sink).  pktgen sends 64-byte UDP
# frames to a MAC that the switch forwards to p1 as known unicast:
# veth0 -> p0 -> switch -> p1 -> veth1.  B drops them at once: the MAC is
# not veth1's (PACKET_OTHERHOST).  With one vCPU the whole path (both veth
# hops, B's drop and pktgen's own work, the same for every kind) counts in
# the time per packet.  The destination is put in each switch the way it
# takes it: `bridge fdb add MAC dev br0 self static via p1` for mybridge,
# `bridge fdb add MAC dev p1 master static` for Linux's bridge, datapath
# flows with the action "output to p1" for ovs (below).  No IPv6
# addresses and no ARP: pktgen's are the only frames.
#
# The floor (kind "wire", 1flow only).  bench/wire/rzwire.ko, loaded in
# the switch's namespace, hands every frame from p0 to p1 the way both
# bridges do (an rx_handler, then dev_queue_xmit) and does nothing else:
# no learning, no lookup, no counters.  Its rate is what a switch that
# costs nothing would reach on this path, so it bounds every ratio: the
# summary ends with wire/bridge and with the guest time per packet that
# is the switch's own (a kind's time per packet minus wire's).
#
# The scenarios.  "1flow": every frame from veth0's MAC 02:00:00:00:0a:01
# and 10.2.0.1 to 10.2.0.2.  "10kflows": pktgen steps through 10,000
# source MACs 02:00:01:00:00:00..02:00:01:00:27:0f and, alongside, 10,000
# source IPs 10.3.0.0..10.3.39.15 (sequentially, one new source per
# frame, each source every 10,000th frame), to the same destination
# MAC and IP.  Every frame stays known unicast to p1, nothing is flooded.
#
# Why the 10kflows scenario is fair.  Every switch holds one entry per
# source and does the same two lookups per frame (source, destination):
# - mybridge and bridge learn the 10,000 source MACs on p0 (mybridge's
#   learned-entry limit is 0, unlimited, by default; Linux's bridge has
#   none) and look the destination up in their static entry;
# - ovs runs the kernel datapath (module openvswitch) without
#   ovs-vswitchd, driven by `ovs-dpctl` (add-dp, add-flows).  It is given
#   the datapath flows that ovs-vswitchd installs for a bridge with the
#   usual single NORMAL flow (`ovs-vsctl add-br`) once it has learned
#   these MACs: one megaflow per source MAC, as seen with ovs-vswitchd
#   3.1 on this kernel,
#     recirc_id(0),in_port(1),eth(src=S,dst=D),eth_type(0x0800),ipv4(frag=no) 2
#   (NORMAL's MAC learning puts the source MAC into the match, the IPs
#   stay wildcarded: one mask, 10,000 flows).  They are installed by one
#   `ovs-dpctl add-flows` reading them all (one netlink request per flow;
#   the host wall-clock time it took is logged: 4 to 8 s under
#   emulation, where 10,000 `ovs-dpctl add-flow` processes would take
#   about 2.5 hours, 0.9 s each).  The datapath's own port ovs0 stays
#   down.  With no ovs-vswitchd (nor ovsdb) there are no upcalls,
#   revalidation or flow eviction: a frame without a flow would be
#   dropped, and the datapath's miss counter is checked.
# The 1flow scenario is the same with one source: one learned entry, one
# datapath flow.  Before the timed rounds every topology gets a warm-up of
# 10,000 frames of its scenario (one pass through every source), so that
# no timed frame is the first of its source, and the switch must then hold
# exactly one entry per source (learned FDB entries, datapath flows).
# Ageing: both bridges forget a source after 300 s of guest time, and
# under icount with sleep=off the guest clock leaps ahead whenever the
# vCPU waits idle (each ovs-dpctl or file access over the host's 9p
# server, tens of seconds at a time), so an entry could age out between
# two runs of its topology.  Hence an untimed pass of 10,000 frames right
# before every timed run: no timed frame relearns its source.  Under
# icount a cache miss costs nothing, so the 10kflows figures count the
# instructions of the larger tables (hashing, longer chains), not the
# memory traffic that 10,000 entries cost a real CPU.
#
# Checks, not timings: after every run, veth1 must have received exactly
# the packets pktgen sent with no pktgen error, the switch must not have
# flooded (p0's peer saw nothing come back) and the ovs datapath must have
# missed no packet.  Runs alternate the order of the topologies (reversed
# in even rounds).
#
# The backlog.  veth0 hands each frame to p0 through the CPU's backlog
# queue, which pktgen's local_bh_enable() normally empties at once, one
# frame at a time.  Now and then (seldom, at random: host I/O and timers
# differ from boot to boot) the softirq work is left to ksoftirqd, and
# pktgen goes on queueing until the scheduler runs ksoftirqd; with the
# default net.core.netdev_max_backlog of 1000 frames veth0 then drops
# some (seen as pktgen errors, about 0.2% of a run, once in 18 runs).
# The guest raises the limit to 100000 so that no frame is lost; the rate
# hardly changes (the episodes are rare and short) and it is the same
# setting for every kind.  The backlog's drops and time squeezes during
# the timed runs are logged at the end.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

if [ "${1:-}" != --in-vm ]; then
	BENCH_MODULES=bench/wire bench_host bridge "${1:-1000000}" "${2:-3}"
fi

# ---------------------------------------------------------------- guest
# usage: bridge.sh --in-vm MODDIR OUT COUNT ROUNDS
moddir=$2 out=$3 count=$4 rounds=$5
kinds="mybridge bridge ovs wire"
scens="1flow 10kflows"
nflows=10000			# sources in the 10kflows scenario
src_mac=02:00:00:00:0a:01	# veth0 in A; the source of 1flow
flows_mac=02:00:01:00:00:00	# the first source MAC of 10kflows
dst_mac=02:00:00:00:0b:99	# pktgen's destination: known on p1
# ovs datapath port numbers, fixed so that the flows can name them.
ovs_p0=1 ovs_p1=2

# Every topology, named KIND-SCENARIO; the floor (wire) needs no sources.
topos=
for s in $scens; do
	for k in $kinds; do
		[ "$k-$s" = wire-10kflows ] || topos="$topos $k-$s"
	done
done
topos=${topos# }

cleanup() {
	local t n
	# rzwire holds its devices: it goes first.
	rmmod rzwire 2>/dev/null || true
	for t in $topos; do
		for n in a s b; do
			ip netns del "rzb-$t-$n" 2>/dev/null || true
		done
	done
}
trap cleanup EXIT

bench_warn_kvm
# A deep enough backlog (see the header), the same for every kind.
echo 100000 > /proc/sys/net/core/netdev_max_backlog ||
	die "cannot set net.core.netdev_max_backlog"
modprobe -a bridge pktgen openvswitch ||
	die "modprobe bridge pktgen openvswitch failed"
insmod "$moddir/mod-bridge/mybridge.ko" || die "insmod mybridge failed"
command -v ovs-dpctl > /dev/null ||
	die "ovs-dpctl not found (Debian package openvswitch-switch)"

# dpctl NS ARGS...: ovs-dpctl in NS, quiet but for warnings.
dpctl() {
	local ns=$1
	shift
	ip netns exec "$ns" ovs-dpctl -vconsole:warn "$@"
}

# sources SCENARIO: the number of sources of the scenario.
sources() {
	if [ "$1" = 1flow ]; then echo 1; else echo $nflows; fi
}

# ovs_flows SCENARIO: the datapath flows of the scenario, one a line in
# the syntax of `ovs-dpctl add-flows`: one per source MAC, as
# ovs-vswitchd's NORMAL action would install them.  The source MACs are
# pktgen's: the first one counted up in its low 16 bits.
ovs_flows() {
	local m=$src_mac n=1 lo
	[ "$1" = 1flow ] || { m=$flows_mac n=$nflows; }
	lo=$((16#${m:12:2}${m:15:2}))
	awk -v pre="${m:0:11}" -v lo="$lo" -v n="$n" -v dst=$dst_mac \
	    -v p0=$ovs_p0 -v p1=$ovs_p1 'BEGIN {
		for (i = lo; i < lo + n; i++)
			printf "recirc_id(0),in_port(%d),eth(src=%s:%02x:%02x,dst=%s),eth_type(0x0800),ipv4(frag=no) %d\n",
				p0, pre, int(i / 256) % 256, i % 256, dst, p1
	}'
}

# setup KIND SCENARIO: the three namespaces, the switch of kind KIND with
# the destination on p1 (or the wire from p0 to p1), and pktgen in A
# bound to veth0.
setup() {
	local k=$1 sc=$2 t=$1-$2 a s b d t0 t1
	a=rzb-$t-a s=rzb-$t-s b=rzb-$t-b
	for d in $a $s $b; do
		{ ip netns add "$d" && ip -n "$d" link set lo up; } ||
			die "namespace $d"
	done
	{ ip -n "$s" link add p0 type veth peer name veth0 \
		address $src_mac netns "$a" &&
	ip -n "$s" link add p1 type veth peer name veth1 netns "$b" &&
	ip -n "$s" link set p0 addrgenmode none &&
	ip -n "$s" link set p1 addrgenmode none &&
	ip -n "$a" link set veth0 addrgenmode none &&
	ip -n "$b" link set veth1 addrgenmode none; } ||
		die "$t: setting up the veth pairs failed"
	case $k in
	wire)
		# p0 to p1 and nothing else (see the header).
		ip netns exec "$s" insmod "$moddir/bench/wire/rzwire.ko" \
			in=p0 out=p1 || die "$t: insmod rzwire failed"
		;;
	ovs)
		# The datapath with p0 and p1 as its ports 1 and 2, then the
		# flows.
		dpctl "$s" add-dp ovs0 "p0,port_no=$ovs_p0" \
			"p1,port_no=$ovs_p1" || die "$t: ovs-dpctl add-dp failed"
		t0=$(bench_host_clock "$out")
		ovs_flows "$sc" | dpctl "$s" add-flows ovs0 - ||
			die "$t: ovs-dpctl add-flows failed"
		t1=$(bench_host_clock "$out")
		log "$t: $(sources "$sc") datapath flows installed by one" \
			"ovs-dpctl add-flows in $(awk -v a="$t0" -v b="$t1" \
			'BEGIN { printf "%.1f", b - a }') s (host wall clock)"
		;;
	*)
		{ ip -n "$s" link add br0 type "$k" &&
		ip -n "$s" link set br0 addrgenmode none &&
		ip -n "$s" link set p0 master br0 &&
		ip -n "$s" link set p1 master br0 &&
		ip -n "$s" link set br0 up; } || die "$t: setting up br0 failed"
		if [ "$k" = mybridge ]; then
			bridge -n "$s" fdb add $dst_mac dev br0 self static via p1
		else
			bridge -n "$s" fdb add $dst_mac dev p1 master static
		fi || die "$t: static FDB entry refused"
		;;
	esac
	{ ip -n "$s" link set p0 up && ip -n "$s" link set p1 up &&
	ip -n "$a" link set veth0 up && ip -n "$b" link set veth1 up; } ||
		die "$t: setting the links up failed"
	pg_setup "$a" veth0 $src_mac $dst_mac 10.2.0.1 10.2.0.2
	if [ "$sc" = 10kflows ]; then
		pg_src_flows "$a" veth0 $nflows $flows_mac 10.3.0.0 \
			"10.3.$(((nflows - 1) / 256)).$(((nflows - 1) % 256))"
	fi
}

# entries KIND SCENARIO: how many entries for the scenario's sources the
# switch holds (learned FDB entries, or datapath flows).
entries() {
	local k=$1 s=rzb-$1-$2-s pat='^02:00:01:00:'
	[ "$2" = 1flow ] && pat="^$src_mac "
	case $k in
	ovs)	dpctl "$s" show ovs0 |
			sed -n 's/^ *flows: *\([0-9]*\).*/\1/p' ;;
	mybridge) bridge -n "$s" fdb show dev br0 | grep -c "$pat" || true ;;
	bridge)	bridge -n "$s" fdb show br br0 | grep -c "$pat" || true ;;
	esac
}

# ovs_missed TOPOLOGY: the ovs datapath's count of packets that matched
# no flow (0 for the other kinds).
ovs_missed() {
	case $1 in
	ovs-*)	dpctl "rzb-$1-s" show ovs0 |
			sed -n 's/.*missed: *\([0-9]*\).*/\1/p' ;;
	*)	echo 0 ;;
	esac
}

# run TOPOLOGY N LABEL [quiet]: one run of N packets, checked; prints a
# line (unless quiet and all went well) and leaves pktgen's rate in
# run_pps.
run_pps=
run() {
	local t=$1 n=$2 r=$3 quiet=${4:-} a=rzb-$1-a b=rzb-$1-b
	local rx0 back0 miss0 rx back miss rep pps err line ok=1
	rx0=$(counter "$b" veth1 rx_packets)
	back0=$(counter "$a" veth0 rx_packets)
	miss0=$(ovs_missed "$t")
	rep=$(pg_run "$a" veth0 "$n")
	rx=$(($(counter "$b" veth1 rx_packets) - rx0))
	back=$(($(counter "$a" veth0 rx_packets) - back0))
	miss=$(($(ovs_missed "$t") - miss0))
	pps=$(pg_pps "$rep")
	err=$(pg_errors "$rep")
	line=$(printf '%-17s %s: %s pps; pktgen errors %s; veth1 on B received %s; back to A %s; datapath misses %s' \
		"$t" "$r" "$pps" "$err" "$rx" "$back" "$miss")
	if [ -z "$pps" ] || [ "$err" != 0 ] || [ "$rx" != "$n" ] ||
	   [ "$back" != 0 ] || [ "$miss" != 0 ]; then
		ok=
	fi
	[ -n "$quiet" ] && [ -n "$ok" ] || printf '%s\n' "$line"
	if [ -z "$ok" ]; then
		printf '%s\n' "$rep" >&2
		die "$t $r: not every packet was switched as expected"
	fi
	run_pps=$pps
}

# softnet: "DROPPED SQUEEZED" summed over the CPUs' lines of
# /proc/net/softnet_stat (hexadecimal columns: frames processed, dropped
# for a full backlog, times net_rx_action ran out of budget or time).
softnet() {
	local d q dropped=0 squeezed=0
	while read -r _ d q _; do
		dropped=$((dropped + 16#$d)) squeezed=$((squeezed + 16#$q))
	done < /proc/net/softnet_stat
	echo "$dropped $squeezed"
}

# measure TOPOLOGY ROUND: one untimed pass through every source of the
# scenario (see Ageing in the header), then the timed run; appends
# "KIND SCENARIO PPS".
measure() {
	run "$1" $nflows "round $2 pass" quiet
	run "$1" "$count" "round $2"
	echo "${1%%-*} ${1#*-} $run_pps" >> "$out/bridge.runs"
}

for t in $topos; do
	setup "${t%%-*}" "${t#*-}"
done
log "topology ready: $topos, each with its own three namespaces"
for t in $topos; do
	run "$t" $nflows warm-up
	[ "${t%%-*}" = wire ] && continue
	n=$(entries "${t%%-*}" "${t#*-}")
	[ "$n" = "$(sources "${t#*-}")" ] ||
		die "$t: $n entries for $(sources "${t#*-}") sources after the warm-up"
	log "$t: after the warm-up, $n entries for $n sources"
done
: > "$out/bridge.runs"
sn0=$(softnet)
bench_rounds "$topos" "$rounds" measure
sn1=$(softnet)
log "backlog during the rounds: $((${sn1% *} - ${sn0% *})) frames" \
	"dropped; net_rx_action out of budget or time" \
	"$((${sn1#* } - ${sn0#* })) times (time squeeze)"
{
	bench_summary_grid "$kinds" "$scens" "$out/bridge.runs"
	# The floor: what the goal asks of mybridge against what no switch
	# can beat on this path.
	awk "$BENCH_AWK_MEDIAN"'
	$2 == "1flow" { v[$1] = v[$1] " " $3 }
	function med(s,   a) { return sorted_median(a, split(s, a, " ")) }
	END {
		w = med(v["wire"]); b = med(v["bridge"]); m = med(v["mybridge"])
		printf "floor (1flow): wire/bridge %.2f: no switch on this path can beat that ratio to Linux'"'"'s bridge\n", w / b
		printf "floor (1flow): of the %.0f ns per packet through Linux'"'"'s bridge, %.0f are the switch'"'"'s; mybridge'"'"'s %.0f\n",
			1e9 / b, 1e9 / b - 1e9 / w, 1e9 / m - 1e9 / w
	}' "$out/bridge.runs"
} > "$out/bridge.summary"
