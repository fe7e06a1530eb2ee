#!/bin/bash
# myvmx under rough use: bad ioctl input is refused and harms nothing;
# fds closed during RUN, a guest looping without exits, a killed VM
# process and rmmod with a VM alive are safe; myvmx and KVM (kvm_intel on
# VT-x, kvm_amd on AMD-V) refuse each other's hardware virtualization.  (vmm-init.sh checks the kernel log for
# warnings, oopses and lockups after every test.)
. "$RZ_ROOT/tests/harness/testlib.sh"

guests=$RZ_ROOT/tests/guests

check "insmod myvmx" rz_insmod myvmx
check_output "/dev/myvmx is a character device of root's, mode 0600" \
	'^c[rw-]{3}------ +[0-9]+ +(root|0) +(root|0) ' ls -ln /dev/myvmx
check_output "an unprivileged user cannot open /dev/myvmx" \
	'^ok: /dev/myvmx refuses uid 65534: EACCES$' myvmx-api as-nobody

myvmx-api checks > /tmp/api.out 2>&1
api_rc=$?
sed 's/^/  | /' /tmp/api.out
check "every bad ioctl is refused with its error" test $api_rc = 0
check_output "and all 31 of them were tried" '^31$' grep -c '^ok: ' /tmp/api.out

check_output "RUN interrupted after its fds were closed" \
	'^ok: RUN on a closed fd ends with EINTR at a signal$' \
	myvmx-api close-run

check_output "a guest looping without exits still gives the CPU back" \
	'^exit: timeout$' vmctl run "$guests/spin.bin" --timeout 0.5

myvmx-api hold > /tmp/hold.out 2>&1 &
hold=$!
sleep 1
check_output "a process holds a VM" '^holding after exit 3$' cat /tmp/hold.out
check_fails "rmmod myvmx while a VM is alive is refused" rmmod myvmx
check "the VM is still there: /dev/myvmx" test -c /dev/myvmx
kill -9 $hold
wait $hold 2>/dev/null
check "killing the VM's process frees it: rmmod myvmx" rz_rmmod myvmx
check "insmod myvmx again" rz_insmod myvmx

# VMX or SVM belongs to one hypervisor at a time.
if [ $RZ_HVM = svm ]; then
	owner_msg='already has EFER\.SVME set \(is kvm_amd loaded\?\)'
else
	owner_msg='already in VMX operation \(is kvm_intel loaded\?\)'
fi
check "modprobe $RZ_KVM beside myvmx" modprobe $RZ_KVM
myvmx-api kvm-hold > /tmp/hold.out 2>&1 &
hold=$!
sleep 1
check_output "KVM holds a VM" '^holding$' cat /tmp/hold.out
rz_kmsg_take > /dev/null
check_output "myvmx refuses while KVM holds $RZ_HVM" \
	'MYVMX_CREATE_VM: Device or resource busy' \
	sh -c "! vmctl run $guests/serial-hello.bin"
check_output "saying who holds $RZ_HVM" "$owner_msg" dmesg
kill -9 $hold
wait $hold 2>/dev/null
myvmx-api hold > /tmp/hold.out 2>&1 &
hold=$!
sleep 1
check_output "KVM refuses while myvmx holds $RZ_HVM" \
	'KVM_CREATE_VM: Device or resource busy' \
	sh -c "! kvm-run $guests/serial-hello.bin"
kill -9 $hold
wait $hold 2>/dev/null
check_output "with myvmx's VM gone, KVM runs the guest" \
	'^Hello from real mode$' kvm-run "$guests/serial-hello.bin"
check "rmmod $RZ_KVM" modprobe -r $RZ_KVM
check_output "and myvmx runs it again after KVM" '^Hello from real mode$' \
	vmctl run "$guests/serial-hello.bin"

check "rmmod myvmx" rz_rmmod myvmx
rz_done
