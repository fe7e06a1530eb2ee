#!/bin/bash
# Benchmark: the cost of a VM exit under myvmx and under KVM, on both
# backends: in one Bochs boot (VT-x with EPT: myvmx's VT-x backend against
# kvm_intel) and in one boot of the AMD-V machine (QEMU TCG, an EPYC with
# SVM and nested paging, -icount: myvmx's AMD-V backend against kvm_amd);
# the test kernel in both.
#
# Reproduce (as root, in the checkout):   bench/vmexit.sh
#
# Two guests make 100,000 exits each and halt: bench-cpuid (CPUID, which
# both VMMs handle in the kernel) and bench-pio (OUT to port 0x80, which
# both return to their user-space runner: vmctl run, kvm-run).  Each runs
# under both VMMs, three rounds, timed by the machine's clock; Bochs runs
# with clock: sync=none and QEMU with -icount, so time counts emulated
# instructions and rounds repeat closely.  The time of the bare HLT guest (VM creation, loading,
# one exit) is subtracted, and what remains divided by 100,000: the cost
# of one exit round trip, guest instructions included.  Printed: median
# microseconds per exit for each VMM and the ratio KVM/myvmx (above 1:
# myvmx is faster).  The summary is left in build/bench/vmexit.summary.
#
# What it measures and what it does not: the emulated CPU's instructions
# on each VMM's exit path (VM exit and entry themselves cost the emulator
# about one instruction each), i.e. software path length, not real
# hardware's transition latency.
set -euo pipefail
. "$(dirname "$0")/../tests/harness/common.sh"
cd "$RZ_ROOT"

"$RZ_ROOT/tests/harness/deps.sh"
kdir=$(tests/harness/kernel.sh)
tests/harness/build.sh "$kdir" "$RZ_BUILD/mod-test" > /dev/null
make -s -C tools
make -s -C tests/guests
out="$RZ_BUILD/bench"
mkdir -p "$out"
# MACHINE LABEL: run the guests there, leave the RZ-BENCH lines in
# $out/vmexit-LABEL.raw.
bench_machine() {
	local machine=$1 label=$2 raw="$out/vmexit-$2.raw"

	MACHINE=$machine RZ_ICOUNT=1 TIMEOUT=2400 \
		tests/harness/vmm-machine.sh "$kdir" \
		"$RZ_BUILD/mod-test" "$out/vmexit-$label" \
		bench/vmexit-guest.sh > "$out/vmexit-$label.console" 2>&1 || true
	# The machine's test runner indents what its scripts print.
	tr -d '\r' < "$out/vmexit-$label/serial.log" |
		sed -n 's/^ *\(RZ-BENCH.*\)$/\1/p' > "$raw"
	[ -s "$raw" ] ||
		rz_die "no results; see $out/vmexit-$label/serial.log"
	grep -q '^RZ-BENCH-FAIL' "$raw" &&
		rz_die "a run failed: $(grep '^RZ-BENCH-FAIL' "$raw")"
	return 0
}

bench_machine bochs vt-x
bench_machine svm amd-v

python3 - "$out/vmexit-vt-x.raw" "$out/vmexit-amd-v.raw" <<'PY' | tee "$out/vmexit.summary"
import statistics, sys
for label, path in (("VT-x (Bochs): myvmx vs kvm_intel", sys.argv[1]),
                    ("AMD-V (QEMU TCG): myvmx vs kvm_amd", sys.argv[2])):
    runs = {}
    for line in open(path):
        _, runner, guest, rnd, us = line.split()
        runs.setdefault((runner, guest), []).append(int(us))
    exits = 100000
    print("%s, per exit, microseconds of guest time (median of %d rounds;"
          " bare HLT run subtracted)" % (label, len(runs[("kvm", "hlt")])))
    print("%-12s %10s %10s %14s" % ("exit", "myvmx", "kvm", "kvm/myvmx"))
    for guest, name in (("bench-cpuid", "cpuid"), ("bench-pio", "port-io")):
        cost = {}
        for runner in ("myvmx", "kvm"):
            base = statistics.median(runs[(runner, "hlt")])
            cost[runner] = (statistics.median(runs[(runner, guest)]) - base) / exits
        print("%-12s %10.2f %10.2f %14.2f" % (name, cost["myvmx"], cost["kvm"],
                                            cost["kvm"] / cost["myvmx"]))
    for (runner, guest), v in sorted(runs.items()):
        print("  %s %s rounds: %s" % (runner, guest, " ".join(map(str, v))))
    print()
PY
