#!/bin/bash
# A seeded stream of malformed VXLAN packets (tests/vxlan-fuzz.py, with
# frames fuzzed by scapy) at myvxlan: every packet is dropped and counted
# under the reason uapi/myvxlan.h gives, or delivered; learning respects
# maxaddress; the tunnel still works afterwards and the module unloads.
#
# rz-za (myvxlan, 10.0.0.1) -- veth -- rz-zb (Linux vxlan, 10.0.0.2,
# and the sender of the stream).
# rz-debug-kernel: also run on the debug kernel (see check.sh).
. "$(dirname "$0")/harness/testlib.sh"

rz_vxlan_begin rz-za rz-zb
count=${RZ_FUZZ_COUNT:-1500}
seed=${RZ_FUZZ_SEED:-7348}
vx_mac=02:00:00:00:7a:01

setup() {
	rz_netns $RZ_NETNS && rz_underlay rz-za rz-zb &&
	ip -n rz-zb link add vx0 type vxlan id 42 remote 10.0.0.1 \
		dstport 4789 dev eth0 &&
	ip -n rz-zb link set vx0 addrgenmode none &&
	ip -n rz-zb addr add 192.168.90.2/24 dev vx0 &&
	ip -n rz-zb link set vx0 up &&
	ip -n rz-za link add vx0 address $vx_mac type myvxlan id 42 \
		remote 10.0.0.2 dev eth0 maxaddress 32 &&
	ip -n rz-za link set vx0 addrgenmode none &&
	ip -n rz-za addr add 192.168.90.1/24 dev vx0 &&
	ip -n rz-za link set vx0 up
}
check "myvxlan (maxaddress 32) and a Linux vxlan peer" setup

# The counters the stream is checked against.
counters() {
	ip netns exec rz-za ethtool -S vx0 | awk '
		$1 ~ /^rx_drop_(flags|reserved|truncated|bad_inner):$/ {
			sub(":", "", $1); print $1, $2 }'
	ip -n rz-za -s -j link show vx0 | /usr/bin/python3 -c '
import json, sys
print("rx_packets", json.load(sys.stdin)[0]["stats64"]["rx"]["packets"])'
}
before=$(counters)
check "send $count crafted packets (seed $seed)" sh -c "
	ip netns exec rz-zb /usr/bin/python3 $RZ_ROOT/tests/vxlan-fuzz.py \
		10.0.0.1 42 $vx_mac $count $seed > $RZ_TMP/expect"
sleep 2
after=$(counters)

# Each counter moved by exactly what the sender expects of it.
compare() {
	local name want b a bad=0
	while read -r name want; do
		b=$(printf '%s\n' "$before" | awk -v k="$name" '$1 == k {print $2}')
		a=$(printf '%s\n' "$after" | awk -v k="$name" '$1 == k {print $2}')
		echo "$name: expected $want, counted $((a - b))"
		[ "$((a - b))" = "$want" ] || bad=1
	done < $RZ_TMP/expect
	[ -s $RZ_TMP/expect ] && [ $bad = 0 ]
}
check "every packet dropped under its reason or delivered" compare
compare | sed 's/^/  # /'

check_output "the underlay lost nothing on the way" '^0$' sh -c \
	"ip -n rz-za -s -j link show eth0 | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0][\"stats64\"][\"rx\"][\"dropped\"])'"
check_output "learning stopped at maxaddress 32" '^fdb_entries: 32$' sh -c \
	"ip netns exec rz-za ethtool -S vx0 | awk '\$1 == \"fdb_entries:\"' | tr -s ' ' | sed 's/^ //'"
check_output "the tunnel still works" ' 0% packet loss' \
	ip netns exec rz-za ping -n -c 2 -w 10 192.168.90.2

rz_vxlan_end
