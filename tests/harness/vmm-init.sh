#!/bin/busybox sh
# /init of the VMM test machines' initramfs (see vmm-machine.sh): runs every
# /ringzero/tests/vmm/*.sh, prints their output and a KTAP block between
# RZ-KTAP-BEGIN and RZ-KTAP-END, then "RZ-EXIT <failures>", and powers off.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
mount -t debugfs none /sys/kernel/debug

# The debug kernel's kmemleak: scanned once, at the end (its periodic
# scans cost minutes under emulation).
kmemleak=/sys/kernel/debug/kmemleak
if [ -e $kmemleak ]; then
	echo scan=off > $kmemleak
	echo clear > $kmemleak
fi

export RZ_ROOT=/ringzero RZ_MODDIR=/ringzero/modules RZ_KMSG=/tmp/kmsg
export PATH=/ringzero/tools:/ringzero/tests/guests:/bin:/sbin:/usr/bin:/usr/sbin
echo "RZ-BOOTED $(cut -d' ' -f1 /proc/uptime)"

n=0
failed=0
: > /tmp/ktap
for t in /ringzero/tests/vmm/*.sh; do
	n=$((n + 1))
	name=$(basename "$t" .sh)
	echo "### $name"
	# Streamed as it comes, so that a test that hangs shows where.
	{ /bin/bash "$t" 2>&1; echo $? > /tmp/rc; } |
		while IFS= read -r line; do echo "    $line"; done
	rc=$(cat /tmp/rc)
	# The kernel's log, kept whole: its ring buffer may wrap.
	dmesg -c >> "$RZ_KMSG"
	if [ $rc = 0 ]; then
		echo "ok $n $name" >> /tmp/ktap
	else
		echo "not ok $n $name # exit status $rc" >> /tmp/ktap
		failed=$((failed + 1))
	fi
done

n=$((n + 1))
dmesg -c >> "$RZ_KMSG"
bad=$(grep -E 'BUG:|WARNING:|Oops|general protection|KASAN|UBSAN|possible recursive locking|circular locking|suspicious RCU|INFO: task .* blocked|soft lockup|hard LOCKUP' "$RZ_KMSG")
if [ -z "$bad" ]; then
	echo "ok $n kernel-log-clean" >> /tmp/ktap
else
	echo "not ok $n kernel-log-clean" >> /tmp/ktap
	echo "$bad" | sed 's/^/# /' >> /tmp/ktap
	failed=$((failed + 1))
fi

# Objects are reported only after they stay unreferenced across two
# scans some seconds apart.
if [ -e $kmemleak ]; then
	n=$((n + 1))
	echo scan > $kmemleak; sleep 6; echo scan > $kmemleak
	cat $kmemleak > /tmp/kmemleak
	if [ -s /tmp/kmemleak ]; then
		echo "not ok $n kmemleak-clean" >> /tmp/ktap
		head -40 /tmp/kmemleak | sed 's/^/# /' >> /tmp/ktap
		failed=$((failed + 1))
	else
		echo "ok $n kmemleak-clean" >> /tmp/ktap
	fi
fi

# Keep kernel messages out of the result block.
dmesg -n 1
echo "RZ-KTAP-BEGIN"
echo "KTAP version 1"
echo "1..$n"
cat /tmp/ktap
echo "RZ-KTAP-END"
echo "RZ-EXIT $failed"
# Let the UART drain what the console still buffers before power-off.
sleep 5
poweroff -f
