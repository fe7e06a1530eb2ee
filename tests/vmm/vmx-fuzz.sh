#!/bin/bash
# Random bytes as guest code: 1,000 runs (rz_fuzz_runs=N on the kernel
# command line) in real mode and
# as many in long mode, each in a fresh VM, must each end with a defined
# exit (hlt, shutdown, internal-error, fail-entry, or the runner's time
# bound for a guest that loops), and leave no memory behind.  In real
# mode a fixed prologue first points every interrupt vector at a HLT, so
# that a fault ends the run instead of executing the zeroed memory at
# 0:0.  (vmm-init.sh checks the kernel log for warnings, oopses and
# lockups afterwards.)
. "$RZ_ROOT/tests/harness/testlib.sh"

# The machine's kernel command line may ask for fewer (vmm-machine.sh).
runs=$(sed -n 's/.*rz_fuzz_runs=\([0-9]*\).*/\1/p' /proc/cmdline)
runs=${runs:-1000}
# A guest that loops is stopped after 10 ms: a million instructions in
# Bochs (100 million a second), where a run costs about 0.26 s of wall
# time.
bound=0.01
real_prologue='\x31\xc0\x8e\xc0\x31\xff\xb9\x00\x01\xb8\x14\x7c\xab\x31\xc0\xab\xe2\xf7\xeb\x01\xf4'

# Each run forks only dd and vmctl: in Bochs a fork costs as much as a
# random guest.
fuzz() {
	local mode=$1 i out line bad=0
	: > /tmp/fuzz-$mode.outcomes
	for i in $(seq "$runs"); do
		if [ "$mode" = real ]; then
			printf "$real_prologue" > /tmp/fuzz.bin
		else
			: > /tmp/fuzz.bin
		fi
		dd if=/dev/urandom bs=512 count=1 2>/dev/null >> /tmp/fuzz.bin
		vmctl run /tmp/fuzz.bin --mode "$mode" --timeout $bound \
			> /tmp/fuzz.out 2>/dev/null
		out=
		while IFS= read -r line; do out=$line; done < /tmp/fuzz.out
		case $out in
		"exit: hlt" | "exit: shutdown" | "exit: timeout" | \
		"exit: internal-error suberror="[123] | \
		"exit: fail-entry reason="*)
			out=${out%% reason=*}
			echo "${out%% suberror=*}" >> /tmp/fuzz-$mode.outcomes ;;
		*)
			echo "run $i: '$out', guest:"
			od -An -tx1 /tmp/fuzz.bin | head -40
			bad=$((bad + 1)) ;;
		esac
	done
	[ $bad = 0 ]
}

check "insmod myvmx" rz_insmod myvmx
mem_before=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
check "$runs random real-mode guests end with a defined exit" fuzz real
check "$runs random long-mode guests end with a defined exit" fuzz long
check_output "every run was counted" "^$((2 * runs))\$" \
	sh -c 'cat /tmp/fuzz-real.outcomes /tmp/fuzz-long.outcomes | wc -l'
for mode in real long; do
	echo "$mode mode:" $(sort /tmp/fuzz-$mode.outcomes | uniq -c)
done
mem_after=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
echo "MemAvailable: $mem_before kB before, $mem_after kB after"
# Each run pins 1 MiB; one leaked VM in a hundred would show as 20 MiB.
check "memory returns to its level (within 8 MiB)" \
	test $((mem_before - mem_after)) -lt 8192
check "rmmod myvmx" rz_rmmod myvmx
rz_done
