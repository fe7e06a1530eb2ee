#!/bin/bash
# myvmx's KUnit suite: it needs myvmx.ko loaded, so VT-x, so Bochs.
. "$RZ_ROOT/tests/harness/testlib.sh"
check "insmod myvmx" rz_insmod myvmx
dmesg -c > /dev/null
insmod "$RZ_MODDIR/tests/kunit/myvmx_test.ko"
ktap=$(dmesg -c)
printf '%s\n' "$ktap" | grep -E '^\s*(\[.*\] )?\s*(ok|not ok|#|Expected|    )'
check_output "KUnit suite myvmx" '^(\[[^]]*\] )?ok [0-9]+ myvmx$' \
	printf '%s\n' "$ktap"
rmmod myvmx_test
rz_rmmod myvmx
rz_done
