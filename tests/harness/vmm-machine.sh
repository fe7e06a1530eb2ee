#!/bin/bash
# The VMM test machines.  MACHINE=bochs (the default): Bochs emulating a
# Skylake-X with VT-x and EPT, one CPU (BOCHS_CPUS=2: two, and the tests
# of tests/vmm-smp run too; make check runs those in a machine of their
# own).  MACHINE=svm: QEMU emulating (TCG) an AMD EPYC with SVM and
# nested paging, two CPUs (tests/vmm-smp/*.sh run there too).  Both boot
# the same initramfs.
#
# Packs KERNEL_DIR's bzImage and modules, the modules built in MODDIR,
# the tools, the test guests (with a Linux guest: guest-kernel.sh's
# bzImage and a busybox initramfs) and tests/vmm/*.sh with busybox (and
# bash) into an initramfs, boots it (Bochs: from an isolinux ISO,
# headless under Xvfb) with the serial console in a file, and stops the
# emulator when the guest powers off, panics, or TIMEOUT seconds
# (default 1200) pass.  Inside, vmm-init.sh runs every test and prints a
# KTAP block on the console; it is extracted into RESULTS/MACHINE.ktap.
# Exit status: that of the run inside (0 when every test passed), or 1
# when it never finished.
#
# usage: vmm-machine.sh KERNEL_DIR MODDIR RESULTS [TEST...]
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$1 moddir=$2 results=$3
shift 3
timeout_s=${TIMEOUT:-1200}
machine=${MACHINE:-bochs}
case $machine in bochs | svm) ;; *) rz_die "MACHINE: bochs or svm" ;; esac
# One work directory per results directory: machines may run side by side.
work="$RZ_BUILD/vmm/$machine-$(basename "$results")"
root="$work/root"
iso="$work/iso"
mkdir -p "$results"
rm -rf "$root" "$iso"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,etc,lib64} \
	"$root/ringzero/tests/vmm" "$root/ringzero/tests/harness" \
	"$root/ringzero/tests/guests" "$root/ringzero/tools" \
	"$iso/isolinux" "$iso/boot"

# A program and the shared libraries it needs.
copy_prog() {
	local prog=$1 dest=$2 lib
	cp "$prog" "$root/$dest"
	for lib in $(ldd "$prog" 2>/dev/null | grep -o '/[^ ]*'); do
		mkdir -p "$root/$(dirname "$lib")"
		cp -L "$lib" "$root/$lib"
	done
}

cp /bin/busybox "$root/bin/busybox"
copy_prog /bin/bash bin/bash
cp "$RZ_ROOT/tests/harness/vmm-init.sh" "$root/init"
cp "$RZ_ROOT/tests/harness/testlib.sh" "$root/ringzero/tests/harness/"
if [ $# -gt 0 ]; then
	cp "$@" "$root/ringzero/tests/vmm/"
else
	cp "$RZ_ROOT"/tests/vmm/*.sh "$root/ringzero/tests/vmm/"
	# The tests that need two CPUs: the AMD-V machine has them, Bochs
	# with BOCHS_CPUS=2.
	[ "$machine" = svm ] || [ "${BOCHS_CPUS:-1}" -ge 2 ] &&
		cp "$RZ_ROOT"/tests/vmm-smp/*.sh "$root/ringzero/tests/vmm/"
fi
cp "$RZ_ROOT"/tests/guests/*.bin "$RZ_ROOT/tests/guests/kvm-run" \
	"$RZ_ROOT/tests/guests/myvmx-api" "$root/ringzero/tests/guests/"
for t in vmctl swctl; do
	copy_prog "$RZ_ROOT/tools/$t" "ringzero/tools/$t"
done
# iproute2 (network namespaces, veth, myvxlan through the plugin) and
# tcpdump for the VM networking tests; ahead of busybox's on PATH.
copy_prog "$(command -v ip)" ringzero/tools/ip
copy_prog "$(command -v tcpdump)" ringzero/tools/tcpdump
cp "$RZ_ROOT"/tools/link_*.so "$root/ringzero/tools/"
echo 'root:x:0:0:root:/:/bin/sh' > "$root/etc/passwd"	# tcpdump -Z root
echo 'root:x:0:' > "$root/etc/group"
# Modules keep their build-tree layout (mod-*/x.ko, tests/kunit/x.ko).
(cd "$moddir" && find . -name '*.ko' -print0 |
	cpio -0 -pdm --quiet "$root/ringzero/modules")
# The kernel's own modules (kvm_intel, kvm_amd: the references).
make -s -C "$kdir" modules_install INSTALL_MOD_PATH="$root" \
	INSTALL_MOD_STRIP=1 > /dev/null
# The Linux guest (tests/vmm/vdev-*.sh): the guest kernel, and busybox
# with tests/guests/linux-init.sh as its initramfs.
gdir=$("$RZ_ROOT/tests/harness/guest-kernel.sh") ||
	rz_die "guest kernel build failed"
mkdir -p "$root/ringzero/guest" "$work/guest-initrd/bin"
cp "$gdir/arch/x86/boot/bzImage" "$root/ringzero/guest/bzImage"
cp /bin/busybox "$work/guest-initrd/bin/"
cp "$RZ_ROOT/tests/guests/linux-init.sh" "$work/guest-initrd/init"
(cd "$work/guest-initrd" && find . | cpio -o -H newc --quiet) |
	gzip -1 > "$root/ringzero/guest/initrd.gz"
chmod 755 "$root/init"
# Uncompressed: Bochs took 40 s to inflate it, for 35 MiB at most.
(cd "$root" && find . | cpio -o -H newc --quiet) > "$iso/boot/initrd.img"

# A 16 MiB log: the debug kernel's 128 KiB wrapped within a test.
cmdline="console=ttyS0,115200 noxsave quiet panic=0 kunit.enable=1 log_buf_len=16M rz_timeout=$timeout_s"
# RZ_FUZZ_RUNS: random guests per mode in vmx-fuzz.sh (default 1,000).
[ -n "${RZ_FUZZ_RUNS:-}" ] && cmdline+=" rz_fuzz_runs=$RZ_FUZZ_RUNS"
# Bochs: its TSC counts instructions (ips below), but Linux takes the
# model's nominal 3.5 GHz for its speed, so time kept by the TSC runs 35
# times slow: a guest's second of PIT ticks, a sleep, a run's --timeout
# all lasted 35 seconds of instructions.  The HPET keeps time right.
[ "$machine" != svm ] && cmdline+=" clocksource=hpet"
# With two CPUs, Linux's MWAIT idle never wakes (Bochs misses the store to
# the monitored line): it would boot for half an hour.
[ "$machine" != svm ] && [ "${BOCHS_CPUS:-1}" -ge 2 ] &&
	cmdline+=" idle=halt"
serial="$results/serial.log"
rm -f "$serial"

boot_bochs() {
	cp "$kdir/arch/x86/boot/bzImage" "$iso/boot/bzImage"
	cp /usr/lib/ISOLINUX/isolinux.bin \
		/usr/lib/syslinux/modules/bios/ldlinux.c32 "$iso/isolinux/"
	cat > "$iso/isolinux/isolinux.cfg" <<CFG
DEFAULT ringzero
PROMPT 0
TIMEOUT 0
LABEL ringzero
  KERNEL /boot/bzImage
  APPEND initrd=/boot/initrd.img $cmdline
CFG
	xorriso -as mkisofs -quiet -o "$work/ringzero.iso" \
		-b isolinux/isolinux.bin -c isolinux/boot.cat \
		-no-emul-boot -boot-load-size 4 -boot-info-table "$iso"
	cat > "$work/bochsrc" <<RC
memory: guest=512, host=512
cpu: model=corei7_skylake_x, count=${BOCHS_CPUS:-1}, ips=100000000, reset_on_triple_fault=1
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
pci: enabled=1, chipset=i440fx
ata0-master: type=cdrom, path=$work/ringzero.iso, status=inserted
boot: cdrom
com1: enabled=1, mode=file, dev=$serial
display_library: x
mouse: enabled=0
clock: sync=none, time0=local
log: $results/bochs.log
panic: action=fatal
error: action=report
info: action=ignore
debug: action=ignore
RC
	echo c > "$work/bochs.rc"
	# Two Bochs machines may start at once: each looks for a free X
	# display from its own number on.
	exec xvfb-run -a -n $((100 + $(printf '%s' "$work" | cksum |
		cut -d' ' -f1) % 800)) bochs -q -f "$work/bochsrc" \
		-rc "$work/bochs.rc"
}

# Two CPUs for tests/vmm-smp, emulated by one thread.  RZ_ICOUNT=1 (for
# benchmarks): one CPU, and guest time counts instructions (QEMU does not
# boot here with -icount and two CPUs).
boot_svm() {
	local opts=(-smp 2)

	[ "${RZ_ICOUNT:-0}" = 1 ] && opts=(-smp 1 -icount shift=0,sleep=off)
	exec qemu-system-x86_64 -machine pc -accel tcg,thread=single \
		-m 1024 -cpu EPYC,+svm,+npt "${opts[@]}" \
		-kernel "$kdir/arch/x86/boot/bzImage" \
		-initrd "$iso/boot/initrd.img" -append "$cmdline" \
		-display none -monitor none -serial "file:$serial" \
		-no-reboot
}

rz_log "booting $machine (time bound ${timeout_s} s)"
start=$(date +%s)
(boot_$machine) > "$results/$machine.stdout" 2>&1 < /dev/null &
emu_pid=$!
# Bochs ends by itself on the guest's power-off (exit status 1, "soft
# power off"), QEMU too; a panic or a hang is ended here.  The wall
# clock second at which each test starts goes to MACHINE.times (the
# guest's clock does not tell: Bochs runs with clock: sync=none).
times="$results/$machine.times" seen=0
: > "$times"
while kill -0 $emu_pid 2>/dev/null; do
	# Not the last line: it may be half written.
	tests=$(tr -d '\r' 2>/dev/null < "$serial" | sed '$d' |
		grep -a '^### ') || true
	n=$(printf '%s' "$tests" | grep -c '^###') || true
	if [ "$n" -gt "$seen" ]; then
		printf '%s\n' "$tests" | tail -n +$((seen + 1)) |
			sed "s/^### /$(( $(date +%s) - start )) s: /" >> "$times"
		seen=$n
	fi
	if grep -qa -e 'RZ-EXIT' -e 'end Kernel panic' "$serial" 2>/dev/null; then
		sleep 5
		break
	fi
	if [ $(( $(date +%s) - start )) -gt "$timeout_s" ]; then
		rz_log "time bound reached"
		break
	fi
	sleep 2
done
if kill -0 $emu_pid 2>/dev/null; then
	pkill -P $emu_pid 2>/dev/null || true
	kill $emu_pid 2>/dev/null || true
	sleep 1
	pkill -f "bochs -q -f $work/bochsrc" 2>/dev/null || true
fi
wait $emu_pid 2>/dev/null || true
rz_log "$machine ran for $(( $(date +%s) - start )) s"
echo "$(( $(date +%s) - start )) s: end" >> "$times"

tr -d '\r' < "$serial" |
	sed -n '/^RZ-KTAP-BEGIN$/,/^RZ-KTAP-END$/p' | sed '1d;$d' \
	> "$results/$machine.ktap"
status=$(tr -d '\r' < "$serial" | sed -n 's/^RZ-EXIT \([0-9]*\)$/\1/p' | tail -1)
cat "$serial"
[ -n "$status" ] || { rz_log "the $machine run did not finish"; exit 1; }
exit "$status"
