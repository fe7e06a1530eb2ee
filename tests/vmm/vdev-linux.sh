#!/bin/bash
# Linux guests under myvmx with myvdev's platform, on both VMM machines:
# the guest kernel (tests/kernel/guest.config) with a busybox initramfs
# (tests/guests/linux-init.sh)
# boots in kernel threads with its console on the in-kernel UART (vmctl
# run), ticks once a second on the PIT's interrupts, is paused and
# resumed through the genl family while it runs, and powers off when
# vmctl stop presses Ctrl-Alt-Del.  (It ticks until then: a guest that
# powered off by itself after N ticks could reach its end before the
# pause, when the host's commands are slow, as on the debug kernel.)
# On the AMD-V machine, whose boots are fast, a second guest runs in the
# background (vmctl start) and is watched with vmctl console and stopped;
# Bochs (VT-x) boots one guest, in about 45 s.
. "$RZ_ROOT/tests/harness/testlib.sh"

GUEST=/ringzero/guest
boot=(--kernel $GUEST/bzImage --initrd $GUEST/initrd.gz --mem 128M)
check "insmod myvmx" rz_insmod myvmx
check "insmod myvdev" rz_insmod myvdev

# wait_ticks FILE N: the guest has printed "tick N" (or more) into FILE.
wait_ticks() {
	local i
	for i in $(seq 600); do
		[ "$(grep -c '^tick [0-9]' "$1")" -ge "$2" ] && return 0
		sleep 1
	done
	return 1
}

vmctl run linux1 "${boot[@]}" --cmdline rz.idle --timeout 1500 \
	> /tmp/linux1.out 2>&1 &
run=$!
check "vmctl run boots Linux: its init ticks" wait_ticks /tmp/linux1.out 2
check_output "vmctl list: running in kernel threads" \
	'^[0-9]+ +linux1 +[0-9]+ +1 +134217728 +1 +(vmx|svm) +running$' \
	vmctl list
check_fails "rmmod myvmx refuses while it runs" rz_rmmod myvmx
check_output "vmctl stats counts its exits" '^ +hlt +[0-9]+$' \
	vmctl stats linux1
check "vmctl pause" vmctl pause linux1
check_output "vmctl list: paused" ' paused$' vmctl list
check_fails "pausing twice: an error" vmctl pause linux1
paused_at=$(grep -c '^tick [0-9]' /tmp/linux1.out)
sleep 3
check_output "nothing runs while paused" "^$paused_at\$" \
	grep -c '^tick [0-9]' /tmp/linux1.out
check "vmctl resume" vmctl resume linux1
check_fails "resuming a running VM: an error" vmctl resume linux1
check "it ticks again" wait_ticks /tmp/linux1.out $((paused_at + 1))
check_output "vmctl stop: a clean shutdown, nothing said" '^$' \
	sh -c 'vmctl stop --timeout 600 linux1 2>&1'
wait $run
run_status=$?
check "vmctl run ends when the guest powers off" test $run_status = 0
grep -v 'busybox: /' /tmp/linux1.out | tail -12 | sed 's/^/  | /'
check_output "its console is the in-kernel 16550A" \
	'serial8250: ttyS0 at I/O 0x3f8 \(irq = 4, base_baud = 115200\) is a 16550A' \
	cat /tmp/linux1.out
check_output "its init ran" '^ringzero-guest: init runs on 6\.1' \
	cat /tmp/linux1.out
check_output "its init got Ctrl-Alt-Del" \
	'^ringzero-guest: ctrl-alt-del: powering off' tr -d '\r' < /tmp/linux1.out
check_output "it powered off: a halt with interrupts off" \
	'reboot: System halted' cat /tmp/linux1.out
check_output "vmctl run's last line is the stop reason" '^exit: hlt$' \
	sh -c 'tail -1 /tmp/linux1.out'
check_fails "no panic, no oops" \
	grep -E 'Kernel panic|Oops|BUG:|WARNING:' /tmp/linux1.out

if [ "$RZ_HVM" = svm ]; then
	check_output "vmctl start returns, the VM runs on" \
		'^started vm [0-9]+ \(linux2\)$' \
		vmctl start linux2 "${boot[@]}" --cmdline rz.idle
	# A console read takes what is new: the output piles up in a file.
	: > /tmp/linux2.out
	check "vmctl console shows it ticking" \
		rz_console_until linux2 /tmp/linux2.out '^tick 2'
	check_output "its console had the boot log" \
		'Run /init as init process' cat /tmp/linux2.out
	check "vmctl stop" vmctl stop linux2
	gone() {
		local i
		for i in $(seq 100); do
			vmctl list | grep -q linux2 || return 0
			sleep 0.2
		done
		return 1
	}
	check "a stopped VM nobody holds is freed" gone
	check_fails "stopping a VM that is gone: an error" vmctl stop linux2
fi
check "rmmod myvdev" rz_rmmod myvdev
check "rmmod myvmx" rz_rmmod myvmx
rz_done
