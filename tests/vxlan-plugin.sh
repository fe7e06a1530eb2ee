#!/bin/bash
# The iproute2 plugin tools/link_myvxlan.so: `ip link add ... type myvxlan`
# takes the options of Linux's vxlan (uapi/myvxlan.h); each reads back as
# given in `ip -d link show` and in `ip -j -d link show`; bad input is
# refused, with the plugin's message, and creates nothing.
. "$(dirname "$0")/harness/testlib.sh"

export IP_LIB_DIR=${RZ_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}/tools
# Debian's python3, not a pyenv shim that may come first on PATH.
py=/usr/bin/python3
[ -x $py ] || py=python3

# The myvxlan line of `ip -d link show DEV`, with a space at each end.
vx_line() {
	local line
	line=$(ip -d link show "$1" | grep -E '^ +myvxlan( |$)') || return 1
	echo " ${line#"${line%%[! ]*}"} "
}

# shows DEV TOKEN: the myvxlan line of DEV has the words TOKEN.
shows() {
	local line
	line=$(vx_line "$1") || return 1
	[[ $line == *" $2 "* ]] || { echo "$line"; return 1; }
}

# lacks DEV WORD: the myvxlan line of DEV does not have the word WORD.
lacks() {
	local line
	line=$(vx_line "$1") || return 1
	[[ $line != *" $2 "* ]] || { echo "$line"; return 1; }
}

# The info_data of `ip -j -d link show DEV`: KEY=JSON-VALUE, one a line.
json_data() {
	ip -j -d link show "$1" | $py -c '
import json, sys
data = json.load(sys.stdin)[0]["linkinfo"]["info_data"]
for key, value in data.items():
    print("%s=%s" % (key, json.dumps(value)))
'
}

# The JSON of every link parses.
all_json_parses() {
	ip -j -d link show | $py -c 'import json, sys; json.load(sys.stdin)'
}

# json_has DEV KEY=VALUE: DEV's info_data has KEY with the JSON VALUE.
json_has() {
	local out
	out=$(json_data "$1") || return 1
	printf '%s\n' "$out" | grep -Fxq -- "$2" && return
	printf '%s\n' "$out"
	return 1
}

# reads_back DEV TOKEN...: check each TOKEN (words) in `ip -d link show`.
reads_back() {
	local dev=$1 t
	shift
	for t in "$@"; do
		check "$dev shows \"$t\"" shows "$dev" "$t"
	done
}

# json_reads_back DEV KEY=VALUE...: check each in `ip -j -d link show`.
json_reads_back() {
	local dev=$1 kv
	shift
	for kv in "$@"; do
		check "$dev JSON has $kv" json_has "$dev" "$kv"
	done
}

# fails_saying REGEX COMMAND...: COMMAND fails and its output matches REGEX.
fails_saying() {
	local regex=$1 out
	shift
	if out=$("$@" 2>&1); then
		printf '%s\n(the command succeeded)\n' "$out"
		return 1
	fi
	printf '%s\n' "$out" | grep -Eq -- "$regex" && return
	printf '%s\n' "$out"
	return 1
}

# refused DESCRIPTION REGEX ARGS...: `ip link add rz-bad type myvxlan ARGS`
# fails saying REGEX, and no rz-bad exists afterwards.
refused() {
	local desc=$1 regex=$2
	shift 2
	check "refused: $desc" fails_saying "$regex" \
		ip link add rz-bad type myvxlan "$@"
	check_fails "no device after: $desc" ip link show rz-bad
	ip link del rz-bad 2> /dev/null
}

check "the plugin is built" test -f "$IP_LIB_DIR/link_myvxlan.so"
check "insmod myvxlan" rz_insmod myvxlan
check_output "ip link help myvxlan prints the usage" \
	'^Usage: \.\.\. myvxlan id VNI' ip link help myvxlan

# The underlay: a veth pair (built in) with an IPv4 and an IPv6 address.
check "underlay veth pair" ip link add rz-ul0 type veth peer name rz-ul1
check "underlay addresses" sh -c '
	ip addr add 10.0.0.1/24 dev rz-ul0 &&
	ip addr add 2001:db8::1/64 dev rz-ul0 nodad &&
	ip link set rz-ul0 up && ip link set rz-ul1 up'

# IPv4 unicast, every option given.
check "create: IPv4 remote, every option" \
	ip link add rz-vx1 type myvxlan id 42 remote 10.0.0.2 local 10.0.0.1 \
	dev rz-ul0 dstport 4789 srcport 1000 2000 ttl 64 tos 0x10 df set \
	nolearning ageing 100 maxaddress 5 udpcsum proxy l2miss l3miss
reads_back rz-vx1 "id 42" "remote 10.0.0.2" "local 10.0.0.1" "dev rz-ul0" \
	"srcport 1000 2000" "dstport 4789" "ttl 64" "tos 0x10" "df set" \
	nolearning "ageing 100" "maxaddr 5" udpcsum proxy l2miss l3miss
json_reads_back rz-vx1 id=42 'remote="10.0.0.2"' 'local="10.0.0.1"' \
	'link="rz-ul0"' 'port_range={"low": 1000, "high": 2000}' port=4789 \
	ttl=64 'tos="0x10"' 'df="set"' learning=false ageing=100 limit=5 \
	udp_csum=true proxy=true l2miss=true l3miss=true

# IPv6 multicast group, the "inherit" and negative forms.
check "create: IPv6 group, inherit and no- forms" \
	ip link add rz-vx2 type myvxlan id 16777215 group ff05::100 \
	local 2001:db8::1 dev rz-ul0 dstport 8472 ttl inherit tos inherit \
	df inherit learning ageing 3600 noudpcsum udp6zerocsumtx \
	udp6zerocsumrx noproxy nol2miss nol3miss
reads_back rz-vx2 "id 16777215" "group ff05::100" "local 2001:db8::1" \
	"dev rz-ul0" "dstport 8472" "ttl inherit" "tos inherit" \
	"df inherit" "ageing 3600" noudpcsum udp6zerocsumtx udp6zerocsumrx
for w in nolearning proxy l2miss l3miss; do
	check "rz-vx2 does not show \"$w\"" lacks rz-vx2 $w
done
json_reads_back rz-vx2 id=16777215 'group6="ff05::100"' \
	'local6="2001:db8::1"' 'link="rz-ul0"' port=8472 ttl_inherit=true \
	'tos="0x1"' 'df="inherit"' learning=true ageing=3600 udp_csum=false \
	udp_zero_csum6_tx=true udp_zero_csum6_rx=true proxy=false \
	l2miss=false l3miss=false

# IPv6 unicast remote without underlay device; auto, unset, unlimited.
check "create: IPv6 remote, auto/unset/unlimited" \
	ip link add rz-vx3 type myvxlan id 0 remote 2001:db8::2 ttl auto \
	df unset maxaddress unlimited noudp6zerocsumtx noudp6zerocsumrx
reads_back rz-vx3 "id 0" "remote 2001:db8::2" "ttl auto" \
	noudp6zerocsumtx noudp6zerocsumrx
check "rz-vx3 does not show \"maxaddr\"" lacks rz-vx3 maxaddr
check "rz-vx3 does not show \"df\" (unset)" lacks rz-vx3 df
json_reads_back rz-vx3 id=0 'remote6="2001:db8::2"' ttl=0 'df="unset"' \
	udp_zero_csum6_tx=false udp_zero_csum6_rx=false

# IPv4 multicast group.
check "create: IPv4 group" \
	ip link add rz-vx4 type myvxlan id 100 group 239.1.1.1 dev rz-ul0
reads_back rz-vx4 "id 100" "group 239.1.1.1" "dev rz-ul0"
json_reads_back rz-vx4 id=100 'group="239.1.1.1"' 'link="rz-ul0"'

# Only the id: the documented defaults.
check "create: id only" ip link add rz-vx5 type myvxlan id 1
reads_back rz-vx5 "id 1" "dstport 4789" "ageing 300"
check "rz-vx5 does not show \"nolearning\"" lacks rz-vx5 nolearning
json_reads_back rz-vx5 id=1 port=4789 ageing=300 learning=true

# ip's vxlan aliases and abbreviations: vni, hoplimit, dsfield, port (the
# source port range), dstport 0 (the default port), TOS in hex.
check "create: aliases" ip link add rz-vx6 type myvxlan vni 0x10 \
	hoplimit 10 dsfield 20 port 5000 5010 dstport 0 nolearn
reads_back rz-vx6 "id 16" "ttl 10" "tos 0x20" "srcport 5000 5010" \
	"dstport 4789" nolearning

check "JSON of every device parses" all_json_parses

# The parameters are fixed at creation.
check_fails "ip link set ... type myvxlan is refused" \
	ip link set rz-vx1 type myvxlan ttl 5
reads_back rz-vx1 "ttl 64"

# Bad input: the plugin refuses it before the kernel sees it.
refused "id 16777216" 'invalid id' id 16777216
refused "id -1" 'invalid id' id -1
refused "id abc" 'invalid id' id abc
refused "missing id" 'missing virtual network identifier' remote 10.0.0.2
refused "id without a value" 'needs an argument' id
refused "group 10.0.0.1 (not multicast)" 'not multicast' \
	id 1 group 10.0.0.1 dev rz-ul0
refused "group ff05::1 without dev" "requires 'dev'" id 1 group ff05::1
refused "remote 239.1.1.1 (multicast)" 'not unicast' id 1 remote 239.1.1.1
refused "remote ff02::1 (multicast)" 'not unicast' id 1 remote ff02::1
refused "remote 0.0.0.0" 'not unicast' id 1 remote 0.0.0.0
refused "remote 10.0.0.300" 'invalid remote address' id 1 remote 10.0.0.300
refused "remote and group" 'both group and remote' \
	id 1 remote 10.0.0.2 group 239.1.1.1 dev rz-ul0
refused "local 2001:db8::1 with remote 10.0.0.2" 'different families' \
	id 1 local 2001:db8::1 remote 10.0.0.2
refused "local 239.1.1.1 (multicast)" 'multicast' id 1 local 239.1.1.1
refused "dstport 70000" 'invalid dstport' id 1 dstport 70000
refused "srcport 2000 1000" 'below MIN' id 1 srcport 2000 1000
refused "srcport 1000 (no MAX)" 'needs MIN and MAX' id 1 srcport 1000
refused "ttl 256" 'TTL must be' id 1 ttl 256
refused "tos 0x100" 'bad TOS' id 1 tos 0x100
refused "df maybe" 'DF must be' id 1 df maybe
refused "ageing -5" 'invalid ageing' id 1 ageing -5
refused "maxaddress lots" 'invalid maxaddress' id 1 maxaddress lots
refused "unknown option" 'unknown option "frobnicate"' id 1 frobnicate
refused "unknown dev" 'Cannot find device "rz-nosuchdev"' \
	id 1 dev rz-nosuchdev
refused "id given twice" 'duplicate option' id 1 id 2
refused "proxy given twice" 'duplicate option' id 1 proxy noproxy
refused "help" '^Usage: \.\.\. myvxlan' id 1 help

# The plugin also works in another network namespace (ip -n).
check "ip -n: create in a namespace" sh -c '
	ip netns add rz-vxp &&
	ip -n rz-vxp link add rz-vx9 type myvxlan id 9 remote 10.0.0.9'
check_output "ip -n: reads back" ' myvxlan id 9 remote 10\.0\.0\.9 ' \
	ip -n rz-vxp -d link show rz-vx9
check "ip -n: delete the namespace" ip netns del rz-vxp

for dev in rz-vx1 rz-vx2 rz-vx3 rz-vx4 rz-vx5 rz-vx6 rz-ul0; do
	check "ip link del $dev" ip link del $dev
done
check_fails "no myvxlan device is left" \
	sh -c 'ip -d link show | grep -q " myvxlan "'
check "rmmod myvxlan" rz_rmmod myvxlan

rz_done
