#!/bin/bash
# On a VMM machine with two CPUs (the AMD-V one; Bochs with BOCHS_CPUS=2,
# see vmm-machine.sh): vCPU threads moved from
# CPU to CPU while their guests run (each arrival takes a fresh ASID of
# that CPU, or VMCLEAR and VMPTRLD on VT-x: the preempt notifier of
# mod-vmx/vcpu_load.c) and counted in vmctl stats, and a CPU taken offline and
# brought back while a VM exists and while none does: it leaves and
# rejoins hardware virtualization, and guests run on it afterwards.
# (vmm-init.sh checks the kernel log for warnings, oopses and lockups.)
. "$RZ_ROOT/tests/harness/testlib.sh"

guests=$RZ_ROOT/tests/guests
cpu1=/sys/devices/system/cpu/cpu1/online

check_output "the machine has two CPUs" '^2$' nproc
check "insmod myvmx" rz_insmod myvmx

# move_threads PID: flip every thread of PID between CPU 0 and CPU 1
# until it exits; prints how many moves were made.
move_threads() {
	local pid=$1 moves=0 mask=1 tid
	while kill -0 "$pid" 2>/dev/null; do
		for tid in /proc/"$pid"/task/*; do
			taskset -p $mask "${tid##*/}" > /dev/null 2>&1 &&
				moves=$((moves + 1))
		done
		mask=$((3 - mask))
		sleep 0.01
	done
	echo "$moves"
}

# 100,000 port writes, then HLT, while the vCPU thread keeps moving.
vmctl run "$guests/bench-pio.bin" > /tmp/migrate.out 2>&1 &
run=$!
moves=$(move_threads $run)
wait $run
echo "moved the vCPU thread $moves times"
check_output "a guest moved between CPUs $moves times ends in its HLT" \
	'^exit: hlt$' tail -1 /tmp/migrate.out
check "it went to the other CPU and back at least once" test "$moves" -ge 2

# Two vCPUs, each printing, while both threads keep moving.
for i in $(seq 20); do
	vmctl run "$guests/smp.bin" --vcpus 2 > /tmp/smp.$i 2>&1 &
	move_threads $! > /dev/null
done
check_output "20 runs of two moving vCPUs each print both lines" '^40$' \
	sh -c "cat /tmp/smp.* | grep -c '^hello from vcpu [01]\$'"
check_output "and end in two HLTs each" '^40$' \
	sh -c "cat /tmp/smp.* | grep -c '^exit: vcpu=[01] hlt\$'"

# A spinning vCPU moved four times: vmctl stats counts each migration.
rz_spinning_vm 1
check_output "a vCPU spins on CPU 0" '^spinning$' cat /tmp/spin.out
for mask in 2 1 2 1; do
	for tid in /proc/"$RZ_SPIN_PID"/task/*; do
		taskset -p $mask "${tid##*/}" > /dev/null
	done
	sleep 0.2
done
vmctl stats api | sed 's/^/  | /'
check_output "vmctl stats: 4 migrations" \
	'^  sched: [0-9]+ preemptions, 4 migrations$' vmctl stats api
check_output "vmctl -j stats too" '"migrations":4,' vmctl -j stats api
kill -9 "$RZ_SPIN_PID"
wait "$RZ_SPIN_PID" 2>/dev/null

# CPU 1 leaves and rejoins while a VM exists.
myvmx-api hold > /tmp/hold.out 2>&1 &
hold=$!
sleep 1
check_output "a process holds a VM" '^holding after exit 3$' cat /tmp/hold.out
check "CPU 1 goes offline with a VM alive" sh -c "echo 0 > $cpu1"
check_output "a guest runs on CPU 0 meanwhile" '^Hello from real mode$' \
	taskset 1 vmctl run "$guests/serial-hello.bin"
check "CPU 1 comes back online" sh -c "echo 1 > $cpu1"
check_output "a guest runs on CPU 1, which rejoined" '^Hello from real mode$' \
	taskset 2 vmctl run "$guests/serial-hello.bin"
kill -9 $hold
wait $hold 2>/dev/null

# And while no VM exists: the next VM turns CPU 1 on with the rest.
check "CPU 1 goes offline with no VM" sh -c "echo 0 > $cpu1"
check "CPU 1 comes back online" sh -c "echo 1 > $cpu1"
check_output "a guest runs on CPU 1" '^Hello from real mode$' \
	taskset 2 vmctl run "$guests/serial-hello.bin"
check "rmmod myvmx" rz_rmmod myvmx
rz_done
