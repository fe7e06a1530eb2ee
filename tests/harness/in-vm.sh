#!/bin/bash
# Runs inside the QEMU test machine (started by qemu.sh): every KUnit
# module, then every tests/*.sh, then the kernel-health checks.  Writes
# KTAP files into RESULTS for the host to parse; the exit status is 0 when
# the run itself worked (test failures are in the results).
#
# usage: in-vm.sh RESULTS MODDIR [TEST...]
set -u
results=$1
export RZ_MODDIR=$2
shift 2
. "$(dirname "$0")/common.sh"
export RZ_ROOT PATH="$RZ_ROOT/tools:$RZ_ROOT/tests/guests:$PATH"

mkdir -p "$results/logs"
mountpoint -q /sys/kernel/debug || mount -t debugfs none /sys/kernel/debug
kmemleak=/sys/kernel/debug/kmemleak
# kmemleak's own periodic scans cost minutes under emulation: scan only
# when asked, at the end (health_checks).
if [ -e $kmemleak ]; then
	echo scan=off > $kmemleak
	echo clear > $kmemleak
fi

# myvmx needs VT-x or AMD-V: it, myvdev (which needs myvmx) and their
# KUnit suites run in the VMM machines (tests/vmm/vmx-kunit.sh).
product_modules="myvxlan mybridge"
# shellcheck source=testlib.sh
. "$RZ_ROOT/tests/harness/testlib.sh"

# The kernel log, kept whole in logs/kernel.log while parts of it are
# taken out (dmesg -c) for KUnit.
kernel_log="$results/logs/kernel.log"
take_kernel_log() { dmesg -c | tee -a "$kernel_log"; }

# KUnit: the product modules first (the suites call into them), then each
# test module; its KTAP is what the kernel logs while it loads.
kunit_run() {
	local ko name
	for m in $product_modules; do
		rz_insmod "$m" || echo "KUnit: loading $m failed" >&2
	done
	for ko in "$RZ_MODDIR"/tests/kunit/*.ko; do
		[ -e "$ko" ] || continue
		name=$(basename "$ko" .ko)
		case $name in myvmx_* | myvdev_*) continue ;; esac
		take_kernel_log > /dev/null
		if insmod "$ko"; then
			take_kernel_log > "$results/kunit-$name.ktap"
			rmmod "$name"
		else
			printf 'KTAP version 1\n1..1\nnot ok 1 %s # insmod failed\n' \
				"$name" > "$results/kunit-$name.ktap"
		fi
	done
	for m in $(echo $product_modules | tr ' ' '\n' | tac); do
		rmmod "$m" 2>/dev/null
	done
}

# Shell tests: each script is one test; its output is kept in logs/.
shell_run() {
	local n=0 t name rc
	local ktap="$results/shell.ktap.body"
	local tests=("$@")
	[ ${#tests[@]} -gt 0 ] || tests=("$RZ_ROOT"/tests/*.sh)
	: > "$ktap"
	# Followed live too: if a test hangs the machine, this is what was
	# logged until then.
	dmesg -w > "$results/logs/kernel-live.log" 2>&1 &
	local follow=$!
	for t in "${tests[@]}"; do
		n=$((n + 1))
		name=$(basename "$t" .sh)
		echo "### $name" >&2
		# A bound per test (the longest take about 7 minutes on the
		# debug kernel).
		timeout "${RZ_TEST_TIMEOUT:-3600}" bash "$t" \
			> "$results/logs/$name.log" 2>&1
		rc=$?
		sed 's/^/    /' "$results/logs/$name.log" >&2
		if [ $rc = 0 ]; then
			echo "ok $n $name" >> "$ktap"
		else
			echo "not ok $n $name # exit status $rc" >> "$ktap"
		fi
	done
	kill $follow
	health_checks $((n + 1)) >> "$ktap"
	{
		echo "KTAP version 1"
		echo "1..$(grep -c '^\(not \)\?ok ' "$ktap")"
		cat "$ktap"
	} > "$results/shell.ktap"
	rm "$ktap"
}

# The kernel must not have complained while the tests ran, and the debug
# kernel's kmemleak must find nothing left behind.
health_checks() {
	local n=$1 bad
	take_kernel_log > /dev/null
	# kernel-live.log too: what the ring buffer lost before a dmesg -c.
	bad=$(cat "$kernel_log" "$results/logs/kernel-live.log" 2>/dev/null |
		grep -E 'BUG:|WARNING:|Oops|general protection|KASAN|UBSAN|possible recursive locking|circular locking|suspicious RCU|INFO: task .* blocked|soft lockup|hard LOCKUP' |
		sort -u)
	if [ -z "$bad" ]; then
		echo "ok $n kernel-log-clean"
	else
		echo "not ok $n kernel-log-clean"
		printf '%s\n' "$bad" | sed 's/^/# /'
	fi
	n=$((n + 1))
	# Only the debug kernel has kmemleak.
	[ -e $kmemleak ] || return 0
	# Objects are reported only after they stay unreferenced across
	# two scans some seconds apart.
	echo scan > $kmemleak; sleep 6; echo scan > $kmemleak
	cat $kmemleak > "$results/logs/kmemleak.log"
	if [ -s "$results/logs/kmemleak.log" ]; then
		echo "not ok $n kmemleak-clean"
		head -40 "$results/logs/kmemleak.log" | sed 's/^/# /'
	else
		echo "ok $n kmemleak-clean"
	fi
}

kunit_run
shell_run "$@"
exit 0
