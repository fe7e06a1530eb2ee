#!/bin/bash
# A vCPU's state follows its thread through the scheduler (preempt
# notifiers, mod-vmx/vcpu_load.c), on both VMM machines: three VMs whose
# threads share CPU 0 take turns on it, each coming back to its own VMCS
# (or ASID), and the two that end do so where their guests do; vmctl
# stats counts the preemptions of the third, a spinning vCPU.
# (vmx-migrate.sh, on two CPUs, counts migrations.)
. "$RZ_ROOT/tests/harness/testlib.sh"

guests=$RZ_ROOT/tests/guests
# The spinning vCPU's preemptions, from vmctl -j stats.
preemptions() {
	vmctl -j stats api | grep -o '"preemptions":[0-9]*' | cut -d: -f2
}

check "insmod myvmx" rz_insmod myvmx

# A spinning VM and two VMs of 2,000 exits to user space each, all on
# CPU 0: the scheduler switches between the three, and each comes back
# to its own VMCS (or ASID).
rz_spinning_vm 1
check_output "a vCPU pinned to CPU 0 spins" '^spinning$' cat /tmp/spin.out
check_output "vmctl stats: it never migrated" \
	'^  sched: [0-9]+ preemptions, 0 migrations$' vmctl stats api
before=$(preemptions)
pids=()
for i in 1 2; do
	taskset 1 vmctl run "$guests/sched-pio.bin" > /tmp/sched.$i 2>&1 &
	pids+=($!)
done
wait "${pids[@]}"
for i in 1 2; do
	check_output "VM $i beside them prints its line" '^2000 exits done$' \
		cat /tmp/sched.$i
	check_output "and ends in its HLT" '^exit: hlt$' tail -1 /tmp/sched.$i
done
vmctl stats api | sed 's/^/  | /'
after=$(preemptions)
echo "the spinning vCPU's preemptions before: $before, after: $after"
check "they preempted the spinning vCPU" test "$after" -gt "$before"
check_output "vmctl -j stats: preemptions and migrations" \
	'"index":0,"exits":[0-9]+,"preemptions":[1-9][0-9]*,"migrations":0,' \
	vmctl -j stats api
check "its RUN never returned: the VM's process still waits in it" \
	kill -0 "$RZ_SPIN_PID"
kill -9 "$RZ_SPIN_PID"
wait "$RZ_SPIN_PID" 2>/dev/null
check "rmmod myvmx" rz_rmmod myvmx
rz_done
