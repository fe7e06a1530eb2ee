#!/bin/bash
# myvmx's KUnit suites: they need myvmx.ko loaded, so VT-x or AMD-V: they
# run on both VMM machines.  myvmx covers the decoder, EPT/NPT, VT-x
# controls and CPUID; myvmx_svm the VMCB, intercepts, ASIDs and the exit
# vocabulary both backends share; myvdev (which needs myvmx) the PIC, PIT,
# UART, CMOS and i8042 models; myvdev_vq its split virtqueues, with
# hostile rings; myvdev_vmmio the virtio-mmio transport; myvdev_disk the
# virtio-blk requests over a shmem file.
. "$RZ_ROOT/tests/harness/testlib.sh"
check "insmod myvmx" rz_insmod myvmx
check "insmod myvdev" rz_insmod myvdev
for suite in myvmx myvmx_svm myvdev myvdev_vq myvdev_vmmio myvdev_disk; do
	rz_kmsg_take > /dev/null
	insmod "$RZ_MODDIR/tests/kunit/${suite}_test.ko"
	ktap=$(rz_kmsg_take)
	printf '%s\n' "$ktap" |
		grep -E '^\s*(\[.*\] )?\s*(ok|not ok|#|Expected|    )'
	check_output "KUnit suite $suite" \
		"^(\\[[^]]*\\] )?ok [0-9]+ $suite\$" printf '%s\n' "$ktap"
	rmmod ${suite}_test
done
rz_rmmod myvdev
rz_rmmod myvmx
rz_done
