#!/bin/bash
# The Bochs test machine: an emulated Skylake-X with VT-x and EPT.
#
# Packs KERNEL_DIR's bzImage and modules, the modules built in MODDIR,
# the tools, the test guests and tests/bochs/*.sh with busybox (and bash)
# into an initramfs on an isolinux ISO, boots it in Bochs headless under
# Xvfb with the serial console in a file, and stops Bochs when the guest
# powers off, panics, or TIMEOUT seconds (default 1200) pass.  Inside,
# bochs-init.sh runs every test and prints a KTAP block on the console;
# it is extracted into RESULTS/bochs.ktap.  Exit status: that of the run
# inside (0 when every test passed), or 1 when it never finished.
#
# usage: bochs.sh KERNEL_DIR MODDIR RESULTS [TEST...]
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$1 moddir=$2 results=$3
shift 3
timeout_s=${TIMEOUT:-1200}
work="$RZ_BUILD/bochs"
root="$work/root"
iso="$work/iso"
mkdir -p "$results"
rm -rf "$root" "$iso"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,lib64} \
	"$root/ringzero/tests/bochs" "$root/ringzero/tests/harness" \
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
cp "$RZ_ROOT/tests/harness/bochs-init.sh" "$root/init"
cp "$RZ_ROOT/tests/harness/testlib.sh" "$root/ringzero/tests/harness/"
if [ $# -gt 0 ]; then
	cp "$@" "$root/ringzero/tests/bochs/"
else
	cp "$RZ_ROOT"/tests/bochs/*.sh "$root/ringzero/tests/bochs/"
fi
cp "$RZ_ROOT"/tests/guests/*.bin "$RZ_ROOT/tests/guests/kvm-run" \
	"$RZ_ROOT/tests/guests/myvmx-api" "$root/ringzero/tests/guests/"
for t in vmctl swctl; do
	copy_prog "$RZ_ROOT/tools/$t" "ringzero/tools/$t"
done
# Modules keep their build-tree layout (mod-*/x.ko, tests/kunit/x.ko).
(cd "$moddir" && find . -name '*.ko' -print0 |
	cpio -0 -pdm --quiet "$root/ringzero/modules")
# The kernel's own modules (kvm-intel, the reference) for modprobe.
make -s -C "$kdir" modules_install INSTALL_MOD_PATH="$root" \
	INSTALL_MOD_STRIP=1 > /dev/null
chmod 755 "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet) | gzip -1 > "$iso/boot/initrd.img"

cp "$kdir/arch/x86/boot/bzImage" "$iso/boot/bzImage"
cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 \
	"$iso/isolinux/"
cat > "$iso/isolinux/isolinux.cfg" <<CFG
DEFAULT ringzero
PROMPT 0
TIMEOUT 0
LABEL ringzero
  KERNEL /boot/bzImage
  APPEND initrd=/boot/initrd.img console=ttyS0,115200 noxsave quiet panic=0 kunit.enable=1 rz_timeout=$timeout_s
CFG
xorriso -as mkisofs -quiet -o "$work/ringzero.iso" \
	-b isolinux/isolinux.bin -c isolinux/boot.cat \
	-no-emul-boot -boot-load-size 4 -boot-info-table "$iso"

serial="$results/serial.log"
rm -f "$serial"
cat > "$work/bochsrc" <<RC
memory: guest=512, host=512
cpu: model=corei7_skylake_x, count=1, ips=100000000, reset_on_triple_fault=1
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

rz_log "booting Bochs (time bound ${timeout_s} s)"
start=$(date +%s)
xvfb-run -a bochs -q -f "$work/bochsrc" -rc "$work/bochs.rc" \
	> "$results/bochs.stdout" 2>&1 < /dev/null &
bochs_pid=$!
# Bochs ends by itself on the guest's power-off (exit status 1, "soft
# power off"); a panic or a hang is ended here.
while kill -0 $bochs_pid 2>/dev/null; do
	if grep -qa -e 'RZ-EXIT' -e 'end Kernel panic' "$serial" 2>/dev/null; then
		sleep 5
		break
	fi
	if [ $(( $(date +%s) - start )) -gt "$timeout_s" ]; then
		rz_log "Bochs time bound reached"
		break
	fi
	sleep 2
done
if kill -0 $bochs_pid 2>/dev/null; then
	pkill -P $bochs_pid 2>/dev/null || true
	kill $bochs_pid 2>/dev/null || true
	sleep 1
	pkill -f "bochs -q -f $work/bochsrc" 2>/dev/null || true
fi
wait $bochs_pid 2>/dev/null || true
rz_log "Bochs ran for $(( $(date +%s) - start )) s"

tr -d '\r' < "$serial" |
	sed -n '/^RZ-KTAP-BEGIN$/,/^RZ-KTAP-END$/p' | sed '1d;$d' \
	> "$results/bochs.ktap"
status=$(tr -d '\r' < "$serial" | sed -n 's/^RZ-EXIT \([0-9]*\)$/\1/p' | tail -1)
cat "$serial"
[ -n "$status" ] || { rz_log "the Bochs run did not finish"; exit 1; }
exit "$status"
