# Shared parts of the benchmarks under bench/; sourced, not run.
# shellcheck shell=bash
#
# A benchmark script NAME.sh runs twice: on the host (bench_host boots the
# QEMU machine with one vCPU and -icount shift=0,sleep=off and runs the
# same script inside with --in-vm), then in the guest, where the helpers
# below drive pktgen and summarize the rounds.

# ---------------------------------------------------------------- host

# bench_host NAME COUNT ROUNDS: build what is needed (test kernel, modules
# in build/mod-bench with the benchmark's own in BENCH_MODULES, directories
# under bench/, tools), boot the machine running bench/NAME.sh
# --in-vm MODDIR OUT COUNT ROUNDS, print the summary it leaves in
# build/bench/NAME.summary.  Exits.
bench_host() {
	local name=$1 count=$2 rounds=$3 kdir out m rc=0
	. "$(dirname "${BASH_SOURCE[0]}")/../tests/harness/common.sh"
	cd "$RZ_ROOT"
	tests/harness/deps.sh
	kdir=$(tests/harness/kernel.sh)
	rz_log "building the modules in $RZ_BUILD/mod-bench and the tools"
	tests/harness/build.sh "$kdir" "$RZ_BUILD/mod-bench"
	for m in ${BENCH_MODULES:-}; do
		make -s -C "$kdir" M="$RZ_BUILD/mod-bench/$m" modules
	done
	make -s -C tools
	out="$RZ_BUILD/bench"
	mkdir -p "$out"
	rm -f "$out/$name.runs" "$out/$name.summary"
	rz_log "booting the QEMU machine (one vCPU, icount)"
	RZ_ICOUNT=1 tests/harness/qemu.sh "$kdir" "$out" \
		"bench/$name.sh" --in-vm "$RZ_BUILD/mod-bench" "$out" \
		"$count" "$rounds" || rc=$?
	[ -s "$out/$name.summary" ] ||
		rz_die "no results (the machine exited with status $rc)"
	echo
	cat "$out/$name.summary"
	echo "# $count packets per run, $rounds rounds; took $SECONDS s"
	exit "$rc"
}

# --------------------------------------------------------------- guest

log() { printf '# %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

bench_warn_kvm() {
	if dmesg | grep 'Hypervisor detected: KVM' > /dev/null; then
		log "warning: running under KVM, not TCG with icount: the rates"
		log "are wall-clock rates and will vary from run to run"
	fi
}

# pg NS FILE CMD: write a pktgen command in namespace NS and insist that
# pktgen accepted it (its "Result:" line then starts with "OK").
pg() {
	local ns=$1 file=/proc/net/pktgen/$2 cmd=$3
	ip netns exec "$ns" sh -c "echo '$cmd' > $file &&
		grep -q '^Result: OK' $file" ||
		die "pktgen in $ns refused '$cmd' for $file: $(ip netns exec \
			"$ns" grep '^Result' "$file")"
}

# pg_setup NS DEV SRC_MAC DST_MAC SRC_IP DST_IP: pktgen in NS sends
# 64-byte UDP frames on DEV, a fresh skb each (clone_skb 0), one at a
# time, without timestamps.
pg_setup() {
	local ns=$1 dev=$2
	pg "$ns" kpktgend_0 rem_device_all
	pg "$ns" kpktgend_0 "add_device $dev"
	pg "$ns" "$dev" "clone_skb 0"
	pg "$ns" "$dev" "burst 1"
	pg "$ns" "$dev" "pkt_size 64"
	pg "$ns" "$dev" "delay 0"
	pg "$ns" "$dev" "flag NO_TIMESTAMP"
	pg "$ns" "$dev" "src_mac $3"
	pg "$ns" "$dev" "dst_mac $4"
	pg "$ns" "$dev" "src_min $5"
	pg "$ns" "$dev" "src_max $5"
	pg "$ns" "$dev" "dst $6"
}

# pg_run NS DEV N: N packets from pktgen on DEV; prints pktgen's report
# (the lines from "Result:" on).
pg_run() {
	pg "$1" "$2" "count $3"
	ip netns exec "$1" sh -c 'echo start > /proc/net/pktgen/pgctrl' ||
		die "pktgen start in $1 failed"
	ip netns exec "$1" sed -n '/^Result:/,$p' "/proc/net/pktgen/$2"
}

# pg_pps REPORT / pg_errors REPORT: the rate and the error count.
pg_pps() { printf '%s\n' "$1" | grep -oE '[0-9]+pps' | tr -d a-z; }
pg_errors() { printf '%s\n' "$1" | sed -n 's/.*errors: \([0-9]*\).*/\1/p'; }

# counter NS DEV NAME: a counter of DEV in NS.
counter() {
	ip netns exec "$1" cat "/sys/class/net/$2/statistics/$3"
}

# bench_rounds KINDS ROUNDS MEASURE: run "MEASURE KIND ROUND" ROUNDS times
# per kind, alternating which kind goes first.
bench_rounds() {
	local kinds=$1 rounds=$2 measure=$3 r k order
	for r in $(seq "$rounds"); do
		order=$kinds
		[ $((r % 2)) = 0 ] && order=$(echo "$kinds" | tr ' ' '\n' | tac)
		for k in $order; do
			"$measure" "$k" "$r"
		done
	done
}

# An awk function for the summaries, put before their programs:
# sorted_median(a, m) sorts a[1..m] in place (a few runs: insertion sort)
# and returns their median.
BENCH_AWK_MEDIAN='
function sorted_median(a, m,   i, j, t) {
	for (i = 2; i <= m; i++)
		for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
}'

# bench_summary KINDS RUNS: from lines "KIND PPS", per kind the runs in
# order and their median, the ratio of the medians of the first kind to
# the second, the spread of each kind's runs and the guest time per
# packet (under icount shift=0, one nanosecond is one instruction).
bench_summary() {
	awk -v kinds="$1" "$BENCH_AWK_MEDIAN"'
	{ runs[$1] = runs[$1] " " $2; v[$1, ++n[$1]] = $2 }
	function median(k,   i, a, m, r) {
		m = n[k]
		for (i = 1; i <= m; i++) a[i] = v[k, i]
		r = sorted_median(a, m)
		lo[k] = a[1]; hi[k] = a[m]
		return r
	}
	END {
		split(kinds, ks, " ")
		for (i = 1; i in ks; i++) {
			k = ks[i]; med[k] = median(k)
			printf "%-8s %d pps (runs:%s)\n", k, med[k], runs[k]
		}
		printf "ratio %s/%s: %.2f\n", ks[1], ks[2], med[ks[1]] / med[ks[2]]
		for (i = 1; i in ks; i++) {
			k = ks[i]
			printf "%-8s spread (max - min) / median %.3f%%, %.0f ns of guest time per packet\n",
				k, 100 * (hi[k] - lo[k]) / med[k], 1e9 / med[k]
		}
	}' "$2"
}

# pg_src_flows NS DEV N SRC_MAC SRC_IP_MIN SRC_IP_MAX: make pktgen on DEV
# (set up by pg_setup) step through N source MACs from SRC_MAC on and,
# alongside, the source IPs SRC_IP_MIN..SRC_IP_MAX (N of them): each
# frame takes the next of both, sequentially (no MACSRC_RND/IPSRC_RND),
# so there are exactly N distinct sources, each every Nth frame.
pg_src_flows() {
	local ns=$1 dev=$2
	pg "$ns" "$dev" "src_mac $4"
	pg "$ns" "$dev" "src_mac_count $3"
	pg "$ns" "$dev" "src_min $5"
	pg "$ns" "$dev" "src_max $6"
}

# bench_summary_grid KINDS SCENARIOS RUNS: like bench_summary, for runs
# "KIND SCENARIO PPS" of several kinds in several scenarios.  Per
# scenario: per kind the runs in order, their median, the spread and the
# guest time per packet; then the ratios of the medians of the first kind
# to each other kind.
bench_summary_grid() {
	awk -v kinds="$1" -v scens="$2" "$BENCH_AWK_MEDIAN"'
	{ runs[$1, $2] = runs[$1, $2] " " $3; v[$1, $2, ++n[$1, $2]] = $3 }
	function median(k, s,   i, a, m, r) {
		m = n[k, s]
		if (!m) return 0
		for (i = 1; i <= m; i++) a[i] = v[k, s, i]
		r = sorted_median(a, m)
		lo[k, s] = a[1]; hi[k, s] = a[m]
		return r
	}
	END {
		nk = split(kinds, ks, " "); ns = split(scens, ss, " ")
		for (j = 1; j <= ns; j++) {
			s = ss[j]
			printf "%s:\n", s
			for (i = 1; i <= nk; i++) {
				k = ks[i]; med[k] = median(k, s)
				if (!med[k]) {
					printf "  %-8s no runs\n", k
					continue
				}
				printf "  %-8s %d pps (runs:%s), spread %.3f%%, %.0f ns of guest time per packet\n",
					k, med[k], runs[k, s],
					100 * (hi[k, s] - lo[k, s]) / med[k],
					1e9 / med[k]
			}
			for (i = 2; i <= nk; i++)
				if (med[ks[1]] && med[ks[i]])
					printf "  ratio %s/%s: %.2f\n", ks[1], ks[i],
						med[ks[1]] / med[ks[i]]
		}
	}' "$3"
}

# bench_host_clock DIR: the host's wall clock in seconds (three decimals),
# as the mtime the host gives a file that the guest empties in DIR, a
# directory shared with the host (qemu.sh's RESULTS).  The guest's own
# clock is no wall clock under -icount shift=0,sleep=off: it counts
# instructions and leaps over the time the vCPU waits idle (e.g. for the
# host's 9p file server).
bench_host_clock() {
	: > "$1/.host-clock" && stat -c %.3Y "$1/.host-clock"
}
