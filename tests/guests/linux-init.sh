#!/bin/busybox sh
# /init of the Linux guest the VMM tests boot under myvmx (tests/vmm/
# vdev-linux.sh): says it runs, prints "tick N" each second (for ever
# with rz.idle on the kernel command line, N times with rz.ticks=N), then
# powers the machine off, which a PC without ACPI does by halting with
# interrupts off.
/bin/busybox mkdir -p /proc /sys /dev /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2> /dev/null
echo "ringzero-guest: init runs on $(uname -r)"
ticks=$(sed -n 's/.*rz\.ticks=\([0-9]*\).*/\1/p' /proc/cmdline)
grep -q rz.idle /proc/cmdline && ticks=-1
i=0
while [ "$i" != "${ticks:-0}" ]; do
	i=$((i + 1))
	echo "tick $i"
	sleep 1
done
poweroff -f
