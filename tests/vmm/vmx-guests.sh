#!/bin/bash
# On both VMM machines (VT-x in Bochs against kvm_intel, AMD-V in QEMU
# against kvm_amd), the test guests (tests/guests) under the kernel's KVM,
# the reference:
# kvm-run -v runs each and its serial output, exit and exit trace are
# checked against what the guest must do.  Then myvmx runs the same
# guests with vmctl run -v and its stdout and stderr must be KVM's,
# byte for byte (the cpuid guest's hypervisor signature line excepted,
# which must read "signature=ringzero....").  With several
# vCPUs the order of lines between vCPUs is free: the lines are compared
# as sets, the traces per vCPU.
. "$RZ_ROOT/tests/harness/testlib.sh"

G=$RZ_ROOT/tests/guests
D=/tmp/vmx-guests
rm -rf "$D"
mkdir -p "$D"

# ID IMAGE OPTIONS...: the runs, of tests/guests/IMAGE.bin with OPTIONS.
GUESTS=(
	"serial-hello serial-hello"
	"modes modes"
	"cpuid cpuid"
	"hlt hlt"
	"pio pio"
	"mmio.long mmio.long --mode long"
	"unmapped unmapped"
	"unmapped-2m unmapped --mem 2M"
	"triple-fault triple-fault"
	"msr-gp msr-gp"
	"smp smp --vcpus 2"
	"smp-1 smp"
)

# show FILE LABEL: a file into the log, indented.
show() {
	echo "  $2:"
	sed 's/^/    | /' "$1"
}

# run_guest RUNNER ID IMAGE OPTION...: run IMAGE.bin under RUNNER (kvm
# or myvmx) with -v, saving $D/ID.RUNNER.out (stdout), .err (stderr) and
# .rc (exit status); show them in the log.
run_guest() {
	local runner=$1 id=$2 image=$G/$3.bin rc
	local base=$D/$id.$runner
	shift 3
	echo "$runner: $id: $(basename "$image") $*"
	if [ "$runner" = kvm ]; then
		timeout 120 kvm-run -v "$@" "$image" \
			> "$base.out" 2> "$base.err"
	else
		timeout 120 vmctl run "$image" "$@" -v \
			> "$base.out" 2> "$base.err"
	fi
	rc=$?
	echo "$rc" > "$base.rc"
	show "$base.out" stdout
	show "$base.err" stderr
}

# The trace without the serial output's one-byte OUTs to 0x3f8.
not_serial() {
	grep -Ev '^(vcpu=[0-9] )?io out port=0x3f8 size=1 count=1 ' "$1"
	return 0
}

# serial_exits_match OUT ERR [PREFIX]: one traced OUT to 0x3f8 per byte
# of serial output (the output without its "exit:" line; with PREFIX
# "vcpu=I ", the lines of that vCPU's trace).
serial_exits_match() {
	local out=$1 err=$2 prefix=${3:-} bytes exits
	bytes=$(sed '$d' "$out" | wc -c)
	exits=$(grep -c "^${prefix}io out port=0x3f8 size=1 count=1 " "$err")
	echo "serial bytes $bytes, serial exits $exits"
	[ "$bytes" = "$exits" ]
}

# same_lines A B: the same lines, in any order.
same_lines() {
	sort "$1" > "$1.sorted" && sort "$2" > "$2.sorted" &&
		diff -u "$1.sorted" "$2.sorted"
}

# The exact stdout and non-serial trace expected of each guest under KVM.
want() { cat > "$D/$1.want.$2"; }

want serial-hello out <<'EOF'
Hello from real mode
exit: hlt
EOF
want serial-hello trace < /dev/null

want modes out <<'EOF'
protected
long
efer=00000500
exit: hlt
EOF
want modes trace < /dev/null

vendor=$(sed -n 's/^vendor_id\t*: //p' /proc/cpuinfo | head -1)
want cpuid out <<EOF
vendor=$vendor
hypervisor=1 vmx=0
signature=KVMKVMKVM...
exit: hlt
EOF
want cpuid trace < /dev/null

want hlt out <<'EOF'
exit: hlt
EOF
want hlt trace < /dev/null

want pio out <<'EOF'
in8=ff in16=ffff in32=ffffffff
rep outsb to COM1
insb=ff ff ff ff
insw=ffff ffff
exit: hlt
EOF
want pio trace <<'EOF'
io out port=0x80 size=1 count=1 data=0x11
io out port=0x70 size=2 count=1 data=0x2233
io out port=0xcf8 size=4 count=1 data=0x80001234
io in port=0x60 size=1 count=1 data=0xff
io in port=0x64 size=2 count=1 data=0xffff
io in port=0xcfc size=4 count=1 data=0xffffffff
io out port=0x80 size=2 count=1 data=0x4455
io out port=0x80 size=2 count=1 data=0x6677
io in port=0x60 size=1 count=4 data=0xff
io in port=0x64 size=2 count=2 data=0xffff
EOF

want mmio.long out <<'EOF'
mov8=12 mov16=3456 mov32=789abcde mov64=0123456789abcdef
movzb=00000012 movzw=00003456
stosb=aaaaaaaa stosl=55aa55aa55aa55aa movsb=4f494d4d
back=MMIO
unwritten=0000000000000000
exit: hlt
EOF
want mmio.long trace <<'EOF'
mmio write addr=0xc0000000 size=1 data=0x12
mmio write addr=0xc0000002 size=2 data=0x3456
mmio write addr=0xc0000004 size=4 data=0x789abcde
mmio write addr=0xc0000008 size=8 data=0x0123456789abcdef
mmio read addr=0xc0000000 size=1 data=0x12
mmio read addr=0xc0000002 size=2 data=0x3456
mmio read addr=0xc0000004 size=4 data=0x789abcde
mmio read addr=0xc0000008 size=8 data=0x0123456789abcdef
mmio read addr=0xc0000000 size=1 data=0x12
mmio read addr=0xc0000002 size=2 data=0x3456
mmio write addr=0xc0000010 size=1 data=0xaa
mmio write addr=0xc0000011 size=1 data=0xaa
mmio write addr=0xc0000012 size=1 data=0xaa
mmio write addr=0xc0000013 size=1 data=0xaa
mmio write addr=0xc0000020 size=4 data=0x55aa55aa
mmio write addr=0xc0000024 size=4 data=0x55aa55aa
mmio write addr=0xc0000030 size=1 data=0x4d
mmio write addr=0xc0000031 size=1 data=0x4d
mmio write addr=0xc0000032 size=1 data=0x49
mmio write addr=0xc0000033 size=1 data=0x4f
mmio read addr=0xc0000010 size=4 data=0xaaaaaaaa
mmio read addr=0xc0000020 size=8 data=0x55aa55aa55aa55aa
mmio read addr=0xc0000030 size=4 data=0x4f494d4d
mmio read addr=0xc0000030 size=1 data=0x4d
mmio read addr=0xc0000031 size=1 data=0x4d
mmio read addr=0xc0000032 size=1 data=0x49
mmio read addr=0xc0000033 size=1 data=0x4f
mmio read addr=0xc0000040 size=8 data=0x0000000000000000
EOF

want unmapped out <<'EOF'
0x80000000: wrote 12345678, read ffffffff
0x00100000: read ffffffff
0xc0000fff: wrote 5a, read 5a
0xc0001000: wrote 5a, read ff
exit: hlt
EOF
want unmapped trace <<'EOF'
mmio write addr=0x80000000 size=4 data=0x12345678
mmio read addr=0x80000000 size=4 data=0xffffffff
mmio read addr=0x100000 size=4 data=0xffffffff
mmio write addr=0xc0000fff size=1 data=0x5a
mmio read addr=0xc0000fff size=1 data=0x5a
mmio write addr=0xc0001000 size=1 data=0x5a
mmio read addr=0xc0001000 size=1 data=0xff
EOF

# With 2 MiB of RAM, 0x100000 is RAM: zero, and no exit.
want unmapped-2m out <<'EOF'
0x80000000: wrote 12345678, read ffffffff
0x00100000: read 00000000
0xc0000fff: wrote 5a, read 5a
0xc0001000: wrote 5a, read ff
exit: hlt
EOF
grep -v 'addr=0x100000 ' "$D/unmapped.want.trace" > "$D/unmapped-2m.want.trace"

want triple-fault out <<'EOF'
divide error with an empty IDT
exit: shutdown
EOF
want triple-fault trace < /dev/null

want msr-gp out <<'EOF'
rdmsr 0xdeadbeef
#GP at rdmsr
wrmsr 0xdeadbeef
#GP at wrmsr
2 faults
exit: hlt
EOF
want msr-gp trace < /dev/null

# Lines of the two vCPUs in any order, then the exits in vCPU order.
want smp out <<'EOF'
hello from vcpu 0
hello from vcpu 1
exit: vcpu=0 hlt
exit: vcpu=1 hlt
EOF
want smp trace < /dev/null

# One vCPU: no "vcpu=" in the trace or the exit line.
want smp-1 out <<'EOF'
hello from vcpu 0
exit: hlt
EOF
want smp-1 trace < /dev/null

check_output "/proc/cpuinfo shows $RZ_HVM" \
	"(^|[[:space:]])$RZ_HVM([[:space:]]|\$)" grep -m1 '^flags' /proc/cpuinfo
check "modprobe $RZ_KVM" modprobe $RZ_KVM
check "/dev/kvm exists" test -c /dev/kvm
for p in /sys/module/$RZ_KVM/parameters/{unrestricted_guest,ept,npt,nested}; do
	[ -e "$p" ] && echo "$RZ_KVM.$(basename "$p")=$(cat "$p")"
done

echo "=== under KVM (kvm-run)"
for g in "${GUESTS[@]}"; do
	set -- $g
	id=$1 image=$2
	shift 2
	run_guest kvm "$id" "$image" "$@"
	out=$D/$id.kvm.out err=$D/$id.kvm.err
	not_serial "$err" > "$D/$id.kvm.trace"
	check_output "$id: kvm-run exits 0" '^0$' cat "$D/$id.kvm.rc"
	if [ "$id" = smp ]; then
		check "$id: each vCPU's line, the exits in vCPU order" \
			same_lines "$D/$id.want.out" "$out"
		check_output "$id: the exits come last, in vCPU order" \
			'^exit: vcpu=0 hlt exit: vcpu=1 hlt $' \
			sh -c "tail -2 '$out' | tr '\n' ' '"
		for i in 0 1; do
			grep "^vcpu=$i " "$err" > "$D/$id.kvm.err$i"
			grep -x "hello from vcpu $i" "$out" > "$D/$id.kvm.out$i"
			echo "exit: vcpu=$i hlt" >> "$D/$id.kvm.out$i"
			check "$id: one traced serial exit per byte of vCPU $i" \
				serial_exits_match "$D/$id.kvm.out$i" \
				"$D/$id.kvm.err$i" "vcpu=$i "
		done
		check_output "$id: every trace line names its vCPU" '^0$' \
			sh -c "grep -vc '^vcpu=[01] io ' '$err'; true"
	else
		check "$id: stdout is exactly as expected" \
			diff -u "$D/$id.want.out" "$out"
		check "$id: one traced serial exit per byte of output" \
			serial_exits_match "$out" "$err"
	fi
	check "$id: the rest of the exit trace is exactly as expected" \
		diff -u "$D/$id.want.trace" "$D/$id.kvm.trace"
done

# A few facts spelled out, so that a failure names them.
check_output "serial-hello: the first exit is an OUT of 'H' to 0x3f8" \
	'^io out port=0x3f8 size=1 count=1 data=0x48$' \
	head -1 "$D/serial-hello.kvm.err"
# The data of the last 18 serial exits before REP OUTSW, in hex: those of
# REP OUTSB, one a byte.
rep_outsb_data() {
	local serial='s/^io out port=0x3f8 size=1 count=1 data=0x//p'

	sed -n "1,/^io out port=0x80 size=2 /$serial" "$1" | tail -18 |
		tr -d '\n'
}
check_output "pio: REP OUTSB to COM1 is one exit per byte" \
	'^726570206f7574736220746f20434f4d310a$' \
	rep_outsb_data "$D/pio.kvm.err"	# "rep outsb to COM1\n"
check_output "mmio: the 8-byte write is one exit" \
	'^mmio write addr=0xc0000008 size=8 data=0x0123456789abcdef$' \
	cat "$D/mmio.long.kvm.trace"
check_output "mmio: REP STOSB of 4 bytes is 4 exits" '^4$' \
	grep -c '^mmio write addr=0xc000001[0-3] size=1 data=0xaa$' \
	"$D/mmio.long.kvm.trace"
check_output "unmapped: a read outside RAM returns all-ones" \
	'^mmio read addr=0x80000000 size=4 data=0xffffffff$' \
	cat "$D/unmapped.kvm.trace"
check_output "triple-fault: the run ends in a shutdown" '^exit: shutdown$' \
	tail -1 "$D/triple-fault.kvm.out"
check_output "cpuid: KVM's signature" '^signature=KVMKVMKVM\.\.\.$' \
	cat "$D/cpuid.kvm.out"
check "rmmod $RZ_KVM" modprobe -r $RZ_KVM

echo "=== under myvmx (vmctl run), against KVM"
check "insmod myvmx" rz_insmod myvmx
check_output "myvmx runs on $RZ_HVM" "^backend: $RZ_HVM\$" vmctl version
for g in "${GUESTS[@]}"; do
	set -- $g
	id=$1 image=$2
	shift 2
	run_guest myvmx "$id" "$image" "$@"
	kout=$D/$id.kvm.out kerr=$D/$id.kvm.err
	out=$D/$id.myvmx.out err=$D/$id.myvmx.err
	check_output "$id: vmctl run exits 0" '^0$' \
		cat "$D/$id.myvmx.rc"
	if [ "$id" = cpuid ]; then
		sed 's/^signature=.*/signature=ringzero..../' "$kout" \
			> "$D/$id.want.myvmx"
		kout=$D/$id.want.myvmx
		check_output "$id: myvmx's signature" \
			'^signature=ringzero\.\.\.\.$' cat "$out"
		# The signature's serial bytes differ, one exit each
		# all the same: compare the trace without the data.
		sed 's/ data=0x[0-9a-f]*$//' "$kerr" > "$D/$id.kvm.nodata"
		sed 's/ data=0x[0-9a-f]*$//' "$err" > "$D/$id.myvmx.nodata"
		kerr=$D/$id.kvm.nodata err=$D/$id.myvmx.nodata
	fi
	if [ "$id" = smp ]; then
		check "$id: stdout has KVM's lines" \
			same_lines "$kout" "$out"
		tail -2 "$kout" > "$D/$id.kvm.tail"
		tail -2 "$out" > "$D/$id.myvmx.tail"
		check "$id: the exit lines are KVM's" \
			diff -u "$D/$id.kvm.tail" "$D/$id.myvmx.tail"
		for i in 0 1; do
			grep "^vcpu=$i " "$err" > "$D/$id.myvmx.err$i"
			check "$id: vCPU $i's trace is KVM's" \
				diff -u "$D/$id.kvm.err$i" \
				"$D/$id.myvmx.err$i"
		done
	else
		check "$id: stdout is KVM's" diff -u "$kout" "$out"
		check "$id: the exit trace is KVM's" \
			diff -u "$kerr" "$err"
	fi
done
check "rmmod myvmx" rz_rmmod myvmx
rz_done
