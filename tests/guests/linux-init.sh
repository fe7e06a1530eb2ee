#!/bin/busybox sh
# /init of the Linux guest the VMM tests boot under myvmx (tests/vmm/
# vdev-*.sh): says it runs, does what its kernel command line asks, prints
# "tick N" each second (for ever with rz.idle, N times with rz.ticks=N),
# then powers the machine off, which a PC without ACPI does by halting
# with interrupts off.  Ctrl-Alt-Del (vmctl stop) powers it off too.
#   rz.disk        /dev/vda: its size and checksum, then a line written
#                  at byte 4096; /dev/vdb, if there, must refuse writes
#   rz.ip=A/LEN    eth0 up with that address
#   rz.ping=PEER   ping PEER until it answers (a minute at most)
/bin/busybox mkdir -p /proc /sys /dev /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2> /dev/null
echo "ringzero-guest: init runs on $(uname -r)"
# Ctrl-Alt-Del comes to init as SIGINT instead of rebooting at once.
echo 0 > /proc/sys/kernel/ctrl-alt-del
trap 'echo "ringzero-guest: ctrl-alt-del: powering off"; sync; poweroff -f' INT
arg() { sed -n "s/.*rz\\.$1=\\([^ ]*\\).*/\\1/p" /proc/cmdline; }

if grep -q 'rz\.disk' /proc/cmdline; then
	echo "vda sectors $(cat /sys/block/vda/size)"
	echo "vda sha256 $(sha256sum < /dev/vda | cut -d' ' -f1)"
	echo ringzero-guest-wrote-this |
		dd of=/dev/vda bs=4096 seek=1 conv=notrunc,fsync 2> /dev/null &&
		echo "vda written"
	if [ -e /dev/vdb ]; then
		echo "vdb sha256 $(sha256sum < /dev/vdb | cut -d' ' -f1)"
		echo no | dd of=/dev/vdb conv=notrunc 2> /dev/null ||
			echo "vdb write refused"
	fi
fi
if [ -n "$(arg ip)" ]; then
	ip link set eth0 up
	ip addr add "$(arg ip)" dev eth0
	echo "eth0 $(cat /sys/class/net/eth0/address) $(arg ip)"
fi
peer=$(arg ping)
if [ -n "$peer" ]; then
	i=0
	until ping -c 1 -W 1 "$peer" > /dev/null 2>&1; do
		i=$((i + 1))
		[ $i = 60 ] && break
	done
	[ $i = 60 ] && echo "ping $peer failed" || echo "ping $peer ok"
fi

ticks=$(arg ticks)
grep -q rz.idle /proc/cmdline && ticks=-1
i=0
while [ "$i" != "${ticks:-0}" ]; do
	i=$((i + 1))
	echo "tick $i"
	sleep 1
done
poweroff -f
