#!/bin/bash
# Inside a VMM machine, for bench/vmexit.sh: each benchmark guest and the
# bare HLT guest under KVM (kvm-run; kvm_intel or kvm_amd) and under
# myvmx (vmctl run), ROUNDS times, timed by the guest clock (which counts
# instructions: Bochs's clock: sync=none, QEMU's -icount).  Prints one
# line per run:
#   RZ-BENCH RUNNER GUEST ROUND MICROSECONDS
. "$RZ_ROOT/tests/harness/testlib.sh"
guests=$RZ_ROOT/tests/guests
rounds=3

# bash's clock in microseconds (busybox date has no %N).
now_us() { echo "${EPOCHREALTIME/./}"; }

time_run() {
	local runner=$1 guest=$2 round=$3 t0 t1 out
	t0=$(now_us)
	if [ "$runner" = kvm ]; then
		out=$(kvm-run "$guests/$guest.bin" 2>&1)
	else
		out=$(vmctl run "$guests/$guest.bin" 2>&1)
	fi
	t1=$(now_us)
	if [ "$(printf '%s\n' "$out" | tail -1)" != "exit: hlt" ]; then
		echo "RZ-BENCH-FAIL $runner $guest: $out"
		return 1
	fi
	echo "RZ-BENCH $runner $guest $round $((t1 - t0))"
}

for round in $(seq $rounds); do
	modprobe $RZ_KVM
	for g in hlt bench-cpuid bench-pio; do
		time_run kvm $g $round
	done
	modprobe -r $RZ_KVM
	rz_insmod myvmx
	for g in hlt bench-cpuid bench-pio; do
		time_run myvmx $g $round
	done
	rz_rmmod myvmx
done
