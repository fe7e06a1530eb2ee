#!/bin/bash
# virtio devices of Linux guests under myvmx (myvdev's virtio-blk and
# virtio-net over virtio-mmio), on both VMM machines, with the guest
# kernel and busybox init of vdev-linux.sh:
# - a guest reads a 1 MiB disk (its checksum is the host's), writes a
#   line into it that the host then finds, and cannot write to a second
#   disk given read-only; vmctl stats shows the disks' counters;
# - a second guest pings it: each has a NIC on one mybridge, and the
#   frames go from one guest's virtqueue through the bridge to the other's
#   in the kernel (two Linux boots in all: Bochs boots slowly);
# - vmctl refuses what cannot work, and the NICs' netdevs go with their VMs;
# - vmctl stop shuts the first guest down cleanly (Ctrl-Alt-Del);
# - a guest that writes garbage into the virtqueues and registers of a
#   disk and a NIC breaks them, not the host, and gets them back by reset.
. "$RZ_ROOT/tests/harness/testlib.sh"

GUEST=/ringzero/guest
boot=(--kernel $GUEST/bzImage --initrd $GUEST/initrd.gz --mem 128M)
check "insmod myvmx" rz_insmod myvmx
check "insmod myvdev" rz_insmod myvdev
check "insmod mybridge" rz_insmod mybridge

check "the virtio devices' arguments are checked" myvmx-api virtio
myvmx-api virtio | sed 's/^/  | /'
check "a mybridge" sh -c 'echo "bridge add vmbr0" | swctl restore'

# --- refusals ---
check_output "a disk that is not there: vmctl says so" \
	'--disk /nonexistent: No such file or directory' \
	sh -c "vmctl start bad ${boot[*]} --disk /nonexistent 2>&1; true"
check_output "a directory is no disk: EINVAL" \
	'--disk /tmp: Invalid argument' \
	sh -c "vmctl start bad ${boot[*]} --disk /tmp,ro 2>&1; true"
check_output "--net to a bridge that does not exist" \
	'--net nosuchbr: no such bridge' \
	sh -c "vmctl start bad ${boot[*]} --net nosuchbr 2>&1; true"
check_fails "a multicast MAC is refused" vmctl start bad "${boot[@]}" \
	--net vmbr0,mac=01:00:5e:00:00:01
check_output "a NIC name the kernel would refuse" "bad 'name=a/b'" \
	sh -c "vmctl start bad ${boot[*]} --net vmbr0,name=a/b 2>&1; true"
check_output "an unknown --net option" "bad 'color=red'" \
	sh -c "vmctl start bad ${boot[*]} --net vmbr0,color=red 2>&1; true"
check_output "a NIC name taken: the kernel says so, vmctl gives up" \
	'renamed lo into vmbr0, up: failed' \
	sh -c "vmctl start bad ${boot[*]} --net vmbr0,name=lo 2>&1; true"
check_output "no VM is left of those" '^$' sh -c 'vmctl list | grep bad; true'
check_output "nor a NIC" '^$' \
	sh -c 'ls /sys/class/net | grep -E "^vm[0-9]+n[0-9]+$"; true'

# --- a guest with two disks and a NIC ---
head -c 1048576 /dev/urandom > /tmp/vda.img
head -c 65536 /dev/urandom > /tmp/vdb.img
vda_sum=$(sha256sum < /tmp/vda.img | cut -d' ' -f1)
vdb_sum=$(sha256sum < /tmp/vdb.img | cut -d' ' -f1)
cp /tmp/vda.img /tmp/vda.orig
check_output "vmctl start with two disks and a NIC" \
	'^started vm [0-9]+ \(disks\)$' \
	vmctl start disks "${boot[@]}" --disk /tmp/vda.img \
	--disk /tmp/vdb.img,ro --net vmbr0,mac=52:54:00:00:00:02 \
	--cmdline "rz.disk rz.ip=10.0.0.2/24 rz.idle"
: > /tmp/disks.out
check "the guest checks its disks, sets up eth0" \
	rz_console_until disks /tmp/disks.out '^tick 1'
tr -d '\r' < /tmp/disks.out > /tmp/disks.log
grep -E '^(vd|virtio|eth0)' /tmp/disks.log | sed 's/^/  | /'
check_output "the guest's driver found both disks" \
	'virtio_blk virtio1: \[vdb\] 128 512-byte logical blocks' \
	cat /tmp/disks.log
check_output "vda: 2048 sectors" '^vda sectors 2048$' cat /tmp/disks.log
check_output "vda: the guest reads what the host wrote" \
	"^vda sha256 $vda_sum\$" cat /tmp/disks.log
check_output "vdb too" "^vdb sha256 $vdb_sum\$" cat /tmp/disks.log
check_output "the guest wrote vda and synced" '^vda written$' \
	cat /tmp/disks.log
check_output "vdb is read-only in the guest" '^vdb write refused$' \
	cat /tmp/disks.log
vmctl stats disks > /tmp/disks.stats
sed 's/^/  | /' /tmp/disks.stats
blk_stat() {
	sed -n "/^device virtio-blk@$1/,/^device/s/^ *$2 *//p" /tmp/disks.stats
}
check_output "vmctl stats: the platform's counters" \
	'^device platform$' cat /tmp/disks.stats
check_output "vmctl stats: vda's reads" '^[1-9]' blk_stat 0xd0000000 reads
read_all() { [ "$(blk_stat 0xd0000000 read_bytes)" -ge 1048576 ]; }
check "its bytes read: the whole disk at least" read_all
check_output "its writes" '^[1-9]' blk_stat 0xd0000000 writes
check_output "its flushes" '^[1-9]' blk_stat 0xd0000000 flushes
check_output "vdb: no write reached it" '^0$' blk_stat 0xd0001000 writes
check_output "the interrupts vda raised" '^[1-9]' \
	blk_stat 0xd0000000 interrupts

# --- a second guest pings it through the bridge ---
check_output "its eth0 has the MAC vmctl gave" \
	'^eth0 52:54:00:00:00:02 10.0.0.2/24' cat /tmp/disks.log
nic2=$(ls /sys/class/net | grep -E '^vm[0-9]+n0$' | head -1)
check_output "its host side vm<ID>n0 is a port of vmbr0" '/vmbr0$' \
	readlink "/sys/class/net/$nic2/master"
vmctl run net1 "${boot[@]}" --net vmbr0,mac=52:54:00:00:00:01 \
	--cmdline "rz.ip=10.0.0.1/24 rz.ping=10.0.0.2" --timeout 1500 \
	> /tmp/net1.out 2>&1
check "the second guest ran (vmctl run)" test $? = 0
tr -d '\r' < /tmp/net1.out > /tmp/net1.log
grep -E '^(eth0|ping|exit)' /tmp/net1.log | sed 's/^/  | /'
check_output "ping 10.0.0.2 ok" '^ping 10.0.0.2 ok$' cat /tmp/net1.log
check_output "the bridge learned the first guest's MAC on its port" \
	"52:54:00:00:00:02 .*port $nic2" swctl fdb vmbr0
check_output "the NIC's netdev counted the guest's frames" '^[1-9]' \
	cat "/sys/class/net/$nic2/statistics/rx_packets"
check_output "and the frames to it" '^[1-9]' \
	cat "/sys/class/net/$nic2/statistics/tx_packets"
check_output "vmctl stats: the NIC's counters, as the guest sees them" \
	"^device $nic2" vmctl stats disks
check_output "what the guest sent" '^  tx_packets +[1-9]' vmctl stats disks
check_output "what it received" '^  rx_packets +[1-9]' vmctl stats disks

# vmctl stop: Ctrl-Alt-Del on the guest's i8042 keyboard; its init
# powers off.  The console, read until the VM ends, shows it.
vmctl console disks < /dev/null > /tmp/disks.end 2>&1 &
console=$!
sleep 1
check_output "vmctl stop: a clean shutdown, nothing said" '^$' \
	sh -c 'vmctl stop --timeout 900 disks 2>&1'
wait $console
# (A console read takes what is new: the boot log is in disks.out.)
tr -d '\r' < /tmp/disks.end | tail -4 | sed 's/^/  | /'
check_output "the guest's keyboard driver found the keyboard" \
	'input: AT Translated Set 2 keyboard' cat /tmp/disks.out /tmp/disks.end
check_output "its init got Ctrl-Alt-Del" \
	'^ringzero-guest: ctrl-alt-del: powering off' tr -d '\r' < /tmp/disks.end
check_output "and powered off" 'reboot: System halted' cat /tmp/disks.end
check_output "the host finds the guest's line at byte 4096" \
	'^ringzero-guest-wrote-this$' \
	sh -c 'dd if=/tmp/vda.img bs=4096 skip=1 count=1 2>/dev/null | head -1'
check "nothing else of vda changed" sh -c \
	'cmp -n 4096 /tmp/vda.img /tmp/vda.orig &&
	 [ "$(dd if=/tmp/vda.img bs=4096 skip=2 2>/dev/null | sha256sum)" = \
	   "$(dd if=/tmp/vda.orig bs=4096 skip=2 2>/dev/null | sha256sum)" ]'
check_output "vdb is untouched" "^$vdb_sum\$" \
	sh -c 'sha256sum < /tmp/vdb.img | cut -d" " -f1'
check_fails "no panic, no oops" \
	grep -E 'Kernel panic|Oops|BUG:|WARNING:' /tmp/disks.log /tmp/net1.log
nics_gone() {
	local i
	for i in $(seq 100); do
		ls /sys/class/net | grep -Eq '^vm[0-9]+n[0-9]+$' || return 0
		sleep 0.2
	done
	return 1
}
check "the NICs went with their VMs" nics_gone

# --- a hostile driver (tests/guests/virtio-fuzz.long.S) ---
head -c 65536 /dev/zero > /tmp/fuzz.img
vmctl run /ringzero/tests/guests/virtio-fuzz.long.bin --mode long --mem 4M \
	--platform --disk /tmp/fuzz.img --net vmbr0 --timeout 900 \
	> /tmp/fuzz.out 2>&1
sed 's/^/  | /' /tmp/fuzz.out
check_output "garbage in the rings broke the devices, again and again" \
	'^needs reset [0-9a-f]{8}$' grep -v 'reset 00000000' /tmp/fuzz.out
check_output "and each reset brought them back" \
	'^magic 74726976 74726976$' cat /tmp/fuzz.out
check_output "the guest ran to its end" '^exit: hlt$' tail -1 /tmp/fuzz.out
check "its NIC went with it" nics_gone
check_output "the host is fine: no warning in its log" '^$' \
	sh -c 'dmesg | grep -E "BUG|WARNING|Oops|general protection"; true'

check "rmmod myvdev" rz_rmmod_settled myvdev
check "rmmod mybridge" rz_rmmod mybridge
check "rmmod myvmx" rz_rmmod myvmx
rz_done
