#!/bin/bash
# myvdev's in-kernel PC platform, on both VMM machines: a guest
# programs the PICs and the PIT and sleeps in HLT for ten timer
# interrupts, reads the CMOS, takes the UART's interrupt and resets the
# machine through the i8042; none of those exits reach vmctl (vmctl -v
# traces only the exits it serves).  Another counts the interrupts of a
# level- and an edge-triggered line.  Another one hammers the platform's
# ports with random values.  vmctl stop cannot ask a guest with no
# keyboard driver to shut down: it stops it hard.  The MYVMX_CREATE_DEVICE
# API refuses bad requests, and myvdev cannot go while a VM holds its
# device.
. "$RZ_ROOT/tests/harness/testlib.sh"

G=$RZ_ROOT/tests/guests
check "insmod myvmx" rz_insmod myvmx

# Without myvdev there is no platform to ask for.
check_output "vmctl run --platform without myvdev says why" \
	'is myvdev loaded\?' sh -c "vmctl run --platform $G/platform.bin; true"
check "insmod myvdev" rz_insmod myvdev

platform_run() {
	vmctl run --platform --timeout 120 -v "$G/platform.bin" \
		> /tmp/platform.out 2> /tmp/platform.err
}
check "the platform guest runs" platform_run
sed 's/^/  | /' /tmp/platform.out
check_output "ten PIT interrupts woke HLT through the PICs" \
	'^ten ticks$' cat /tmp/platform.out
check_output "the CMOS battery is good" '^rtc ok$' cat /tmp/platform.out
check_output "the UART's THR-empty interrupt came on IRQ 4" \
	'^uart iir 02$' cat /tmp/platform.out
check_output "the i8042 reset ends the run" '^exit: reset$' \
	cat /tmp/platform.out
check_output "the output is exactly that" \
	'^ten ticks,rtc ok,uart iir 02,exit: reset,$' \
	sh -c "tr '\n' , < /tmp/platform.out; echo"
check_output "no exit reached vmctl" '^$' cat /tmp/platform.err

# ELCR: a level-triggered line interrupts again after each EOI while it
# stays high, an edge-triggered one once.
vmctl run --platform --timeout 120 "$G/platform-level.bin" \
	> /tmp/level.out 2>&1
sed 's/^/  | /' /tmp/level.out
check_output "a level-triggered line held high interrupts after each EOI" \
	'^level irqs 0064$' cat /tmp/level.out
check_output "an edge-triggered one once" '^edge irqs 0001$' cat /tmp/level.out
check_output "and the run ends with the reset" '^exit: reset$' cat /tmp/level.out

# A guest that writes 2,000 random values to the platform's registers
# with interrupts coming and going: the run ends, and the host is fine
# (vmm-init.sh checks the kernel log after every test).
check_output "a guest hammering the platform's ports ends cleanly" \
	'^exit: (reset|hlt)$' \
	sh -c "vmctl run --platform --timeout 120 $G/platform-fuzz.bin | tail -1"

# The same guest without the platform: its port writes go to vmctl, and
# the first HLT, with nothing to wake it, ends the run.
check_output "without --platform the first HLT ends the run" \
	'^exit: hlt$' vmctl run "$G/platform.bin"

# vmctl stop asks the guest first (Ctrl-Alt-Del): this one has no
# keyboard driver, so vmctl stops it hard at once and says why.
vmctl run --platform --timeout 600 "$G/spin.bin" > /tmp/spin.out 2>&1 &
spin=$!
running() {
	local i
	for i in $(seq 60); do
		vmctl list | grep -q ' vmctl-run ' && return 0
		sleep 0.5
	done
	return 1
}
check "a spinning guest with the platform runs" running
check_output "vmctl stop: no driver listens to its keyboard: a hard stop" \
	'^vmctl: VM vmctl-run: no driver in the guest listens to its keyboard: stopping it hard$' \
	sh -c 'vmctl stop vmctl-run 2>&1'
wait $spin
check_output "the run ends: stopped" '^exit: stopped$' tail -1 /tmp/spin.out

check "the device API refuses bad requests" myvmx-api device
myvmx-api device | sed 's/^/  | /'

myvmx-api device-hold > /tmp/device-hold.out 2>&1 &
holder=$!
sleep 1
check_output "a process holds a VM with the platform" '^holding$' \
	cat /tmp/device-hold.out
check_fails "rmmod myvdev fails while the VM has its device" rz_rmmod myvdev
kill $holder
wait $holder 2> /dev/null
check "rmmod myvdev once the VM is gone" rz_rmmod myvdev
check "rmmod myvmx" rz_rmmod myvmx
rz_done
