#!/bin/bash
# make check: every ringzero test, on emulated machines.
#
#  1. host: dependencies, the test, debug and guest kernels (cached), the
#     modules against the test kernel and against Debian's linux-headers-amd64
#     (W=1, no warning allowed), bench/wire's module, tools and test
#     guests, the tools' unit tests (tests/tools, with ASan), checkpatch;
#  2. QEMU, test kernel: every KUnit module, every tests/*.sh, kernel-log
#     health;
#  3. QEMU, debug kernel (KASAN, lockdep, kmemleak): the KUnit modules
#     and the shell tests marked "# rz-debug-kernel", then a kmemleak scan;
#  4. Bochs (VT-x with EPT): every tests/vmm/*.sh; with two CPUs the
#     tests/vmm-smp/*.sh (vCPU migration, CPU hotplug); and with the debug
#     kernel the random guests and the robustness checks, ending with a
#     kmemleak scan;
#  5. QEMU TCG as an AMD EPYC with SVM and nested paging: the same
#     tests/vmm/*.sh, myvmx on its AMD-V backend against kvm_amd, with the
#     test kernel and then with the debug kernel (100 random guests per
#     mode there), ending with a kmemleak scan.
# The machines run in two lanes: QEMU and the AMD-V machine with the
# debug kernel; QEMU, Bochs and the AMD-V machine with the test kernel,
# then Bochs with the debug kernel.
#
# Prints every test's result by name, the time each phase took, and last
# "N passed, N failed, N skipped".  Exits non-zero on any failure.
set -uo pipefail
. "$(dirname "$0")/common.sh"
cd "$RZ_ROOT"

results="$RZ_BUILD/results"
rm -rf "$results"
mkdir -p "$results"
host_ktap="$results/host.ktap"
host_n=0
: > "$host_ktap.body"
phases=()

phase_start() { phase_name=$1; phase_t0=$(date +%s); rz_log "phase: $1"; }
phase_end() { phases+=("$phase_name: $(( $(date +%s) - phase_t0 )) s"); }

# host_test NAME COMMAND...: a check run on the host, logged.
host_test() {
	local name=$1
	shift
	host_n=$((host_n + 1))
	if "$@" > "$results/host-$name.log" 2>&1; then
		echo "ok $host_n $name" >> "$host_ktap.body"
	else
		echo "not ok $host_n $name" >> "$host_ktap.body"
		sed 's/^/# /' "$results/host-$name.log" | tail -40 >> "$host_ktap.body"
	fi
}

no_warnings() {
	local log
	log=$("$@" 2>&1) || { printf '%s\n' "$log"; return 1; }
	printf '%s\n' "$log"
	! printf '%s\n' "$log" | grep -Ei 'warning|error'
}

checkpatch() {
	local files
	files=$(git ls-files 'mod-*/*.[ch]' 'tests/kunit/*.[ch]' 'uapi/*.h' \
		'tools/*.[ch]' 'tests/tools/*.c' 'bench/*/*.c' 2>/dev/null)
	[ -n "$files" ] ||
		files=$(ls mod-*/*.[ch] tests/kunit/*.[ch] uapi/*.h tools/*.[ch] \
			tests/tools/*.c bench/*/*.c)
	# shellcheck disable=SC2086
	perl "$RZ_CACHE/linux-source-6.1/scripts/checkpatch.pl" --no-tree \
		--quiet --strict --ignore SPDX_LICENSE_TAG,FILE_PATH_CHANGES \
		--show-types -f $files
}

phase_start setup
"$RZ_ROOT/tests/harness/deps.sh" || rz_die "installing dependencies failed"
phase_end

phase_start kernels
kdir=$("$RZ_ROOT/tests/harness/kernel.sh") || rz_die "test kernel build failed"
ddir=$(DEBUG=1 "$RZ_ROOT/tests/harness/kernel.sh") ||
	rz_die "debug kernel build failed"
"$RZ_ROOT/tests/harness/guest-kernel.sh" > /dev/null ||
	rz_die "guest kernel build failed"
phase_end

phase_start build
stock=$(ls -d /usr/src/linux-headers-*-amd64 | sort -V | tail -1)
host_test "build.test-kernel-W=1" no_warnings \
	tests/harness/build.sh "$kdir" "$RZ_BUILD/mod-test" W=1
host_test build.debug-kernel tests/harness/build.sh "$ddir" "$RZ_BUILD/mod-debug"
host_test "build.$(basename "$stock")-W=1" no_warnings \
	tests/harness/build.sh "$stock" "$RZ_BUILD/mod-stock" W=1
host_test "build.bench-wire-W=1" no_warnings \
	make -s -C "$kdir" M="$RZ_BUILD/mod-test/bench/wire" W=1 modules
host_test build.tools no_warnings make -s -C tools
host_test build.guests no_warnings make -s -C tests/guests
host_test unit.vmctl-boot make -s -C tests/tools check
host_test style.checkpatch checkpatch
phase_end

# The emulators are single-threaded: with two cores, two lanes of machines
# run side by side, each machine logging how long it took.
timed() {
	local name=$1 t0
	shift
	t0=$(date +%s)
	rz_log "start: $name"
	"$@"
	echo "$name: $(( $(date +%s) - t0 )) s" > "$results/$name.time"
	rz_log "done: $name"
}

run_qemu() {
	local variant=$1 kernel=$2
	shift 2
	tests/harness/qemu.sh "$kernel" "$results/$variant" \
		tests/harness/in-vm.sh "$results/$variant" \
		"$RZ_BUILD/mod-$variant" "$@" \
		> "$results/$variant.console" 2>&1 ||
		rz_log "the $variant machine exited with status $?"
}

# run_vmm NAME KERNEL VARIANT [TEST...]: a VMM test machine (vmm-machine.sh)
# with the KERNEL and the modules built for VARIANT (test or debug), its
# results in $results/NAME; MACHINE, BOCHS_CPUS, TIMEOUT and RZ_FUZZ_RUNS
# come from the caller's environment.
run_vmm() {
	local name=$1 kernel=$2 variant=$3
	shift 3
	mkdir -p "$results/$name"
	tests/harness/vmm-machine.sh "$kernel" "$RZ_BUILD/mod-$variant" \
		"$results/$name" "$@" > "$results/$name.console" 2>&1 ||
		rz_log "the $name machine exited with status $?"
}

# Bochs (VT-x with EPT), the slowest machine: every tests/vmm/*.sh with
# 1,000 random guests per mode in vmx-fuzz.sh; 15 minutes, a bound of 30.
run_bochs() {
	TIMEOUT=1800 RZ_FUZZ_RUNS=1000 run_vmm bochs "$kdir" test
}

# Bochs with two CPUs: VT-x vCPUs moved between CPUs (VMCLEAR and
# VMPTRLD), a CPU taken offline and back; about 3 minutes.
run_bochs_smp() {
	BOCHS_CPUS=2 TIMEOUT=1200 run_vmm bochs-smp "$kdir" test \
		tests/vmm-smp/*.sh
}

# Bochs with the debug kernel: VT-x under KASAN, lockdep and kmemleak.
# It boots in 4 minutes and runs ten times slower (10 s a random guest,
# most of it fork and exec): RUNS random guests per mode and the
# robustness checks, then a kmemleak scan.
run_bochs_debug() {
	TIMEOUT=1800 RZ_FUZZ_RUNS=$1 run_vmm bochs-debug "$ddir" debug \
		tests/vmm/vmx-fuzz.sh tests/vmm/vmx-robust.sh
}

# The AMD-V machine is fast (5 minutes here; 10 with the debug kernel).
# VARIANT is test or debug, RUNS random guests per mode.
run_svm() {
	local variant=$1 kernel=$2 runs=$3

	MACHINE=svm TIMEOUT=1200 RZ_FUZZ_RUNS=$runs \
		run_vmm "svm-$variant" "$kernel" "$variant"
}

phase_start machines
# Two lanes of about equal length, one emulator each.  The debug kernel
# runs ten times slower under emulation: in QEMU it gets the KUnit suites
# and the shell tests marked "# rz-debug-kernel".  Two QEMU machines with
# the debug kernel slow each other down by half, Bochs beside one hardly:
# each lane has one of them.
{
	timed qemu-debug run_qemu debug "$ddir" \
		$(grep -l '^# rz-debug-kernel' tests/*.sh)
	timed svm-debug run_svm debug "$ddir" 100
} &
debug_pid=$!
timed qemu-test run_qemu test "$kdir"
timed bochs-smp run_bochs_smp
timed bochs run_bochs
timed svm-test run_svm test "$kdir" 1000
timed bochs-debug run_bochs_debug 10
wait "$debug_pid"
phase_end
for name in qemu-test svm-test bochs-smp bochs qemu-debug svm-debug \
	bochs-debug; do
	phases+=("  $(cat "$results/$name.time" 2>/dev/null || echo "$name: ?")")
done

{
	echo "KTAP version 1"
	echo "1..$host_n"
	cat "$host_ktap.body"
} > "$host_ktap"

# Every phase must have produced its results; ktap.py fails empty files.
for f in "$results"/test/shell.ktap "$results"/debug/shell.ktap \
	 "$results"/bochs/bochs.ktap "$results"/bochs-smp/bochs.ktap \
	 "$results"/svm-test/svm.ktap \
	 "$results"/svm-debug/svm.ktap "$results"/bochs-debug/bochs.ktap; do
	[ -e "$f" ] || : > "$f"
done

pass=0 fail=0 skip=0
summarize() {
	local prefix=$1 out
	shift
	out=$(tests/harness/ktap.py --prefix "$prefix" "$@")
	printf '%s\n' "$out" | sed '$d'
	read -r p f s <<< "$(printf '%s\n' "$out" | tail -1)"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
}
echo
echo "== results"
summarize host "$host_ktap"
for variant in test debug; do
	for f in "$results/$variant"/kunit-*.ktap; do
		[ -e "$f" ] && summarize "$variant.kunit" "$f"
	done
	ls "$results/$variant"/kunit-*.ktap > /dev/null 2>&1 ||
		{ echo "FAIL $variant.kunit (no KUnit results)"; fail=$((fail + 1)); }
	summarize "$variant" "$results/$variant/shell.ktap"
done
summarize bochs "$results/bochs/bochs.ktap"
summarize bochs-smp "$results/bochs-smp/bochs.ktap"
summarize svm-test "$results/svm-test/svm.ktap"
summarize svm-debug "$results/svm-debug/svm.ktap"
summarize bochs-debug "$results/bochs-debug/bochs.ktap"

echo
echo "== phases"
printf '  %s\n' "${phases[@]}"
echo "logs: $results"
echo
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
