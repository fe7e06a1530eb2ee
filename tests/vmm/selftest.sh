#!/bin/bash
# The VMM machine can host a VMM: the emulated CPU offers VT-x with EPT
# (Bochs) or AMD-V with nested paging (QEMU), the kernel's own KVM runs a
# real-mode guest to its port I/O exits, and myvmx loads with the backend
# of that CPU.
. "$RZ_ROOT/tests/harness/testlib.sh"

check_output "/proc/cpuinfo shows $RZ_HVM" \
	"(^|[[:space:]])$RZ_HVM([[:space:]]|\$)" grep -m1 '^flags' /proc/cpuinfo
if [ $RZ_HVM = vmx ]; then
	check_output "/proc/cpuinfo shows ept" '(^|[[:space:]])ept([[:space:]]|$)' \
		grep -m1 '^vmx flags' /proc/cpuinfo
else
	check_output "/proc/cpuinfo shows npt" '(^|[[:space:]])npt([[:space:]]|$)' \
		grep -m1 '^flags' /proc/cpuinfo
fi
check "modprobe $RZ_KVM" modprobe $RZ_KVM
check "/dev/kvm exists" test -c /dev/kvm

guest=$RZ_ROOT/tests/guests/serial-hello.bin
echo "kvm-run -v serial-hello.bin:"
kvm-run -v "$guest" > /tmp/kvm.out 2> /tmp/kvm.trace
sed 's/^/  | /' /tmp/kvm.trace /tmp/kvm.out
check_output "the guest's first I/O exit is an OUT to 0x3f8 of 'H'" \
	'^io out port=0x3f8 size=1 count=1 data=0x48$' head -1 /tmp/kvm.trace
check_output "one I/O exit per byte of the message" '^21$' \
	grep -c '^io out port=0x3f8 size=1 count=1 ' /tmp/kvm.trace
check_output "the guest's serial output" '^Hello from real mode$' \
	head -1 /tmp/kvm.out
check_output "the guest ends in HLT" '^exit: hlt$' tail -1 /tmp/kvm.out

check "rmmod $RZ_KVM" modprobe -r $RZ_KVM
check "insmod myvmx" rz_insmod myvmx
check_output "vmctl version answers" '^myvmx 0\.1\.0 ' vmctl version
check_output "myvmx chose the $RZ_HVM backend" "^backend: $RZ_HVM\$" \
	vmctl version
check "rmmod myvmx" rz_rmmod myvmx
rz_done
