#!/bin/bash
# The Bochs machine can host a VMM: the emulated CPU offers VT-x with EPT,
# the kernel's own kvm-intel runs a real-mode guest to its port I/O exits,
# and myvmx loads beside it.
. "$RZ_ROOT/tests/harness/testlib.sh"

check_output "/proc/cpuinfo shows vmx" '(^|[[:space:]])vmx([[:space:]]|$)' \
	grep -m1 '^flags' /proc/cpuinfo
check_output "/proc/cpuinfo shows ept" '(^|[[:space:]])ept([[:space:]]|$)' \
	grep -m1 '^vmx flags' /proc/cpuinfo
check "modprobe kvm-intel" modprobe kvm_intel
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

check "rmmod kvm-intel" modprobe -r kvm_intel
check "insmod myvmx" rz_insmod myvmx
check_output "vmctl version answers in Bochs" '^myvmx 0\.1\.0 ' vmctl version
check "rmmod myvmx" rz_rmmod myvmx
rz_done
