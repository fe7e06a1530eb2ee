#!/bin/bash
# The iproute2 plugin tools/link_mybridge.so: `ip link add ... type
# mybridge [ageing SECONDS] [fdb_max_learned N]` (uapi/mybridge.h), the
# same options changed by `ip link set ... type mybridge`; each reads back
# in `ip -d link show`, `ip -j -d link show` and `swctl show`.  Bad input
# is refused, with the plugin's message, and creates or changes nothing.
# Everything happens in the namespace rz-bp-sw.
. "$(dirname "$0")/harness/testlib.sh"

export IP_LIB_DIR=${RZ_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}/tools
# Debian's python3, not a pyenv shim that may come first on PATH.
py=/usr/bin/python3
[ -x $py ] || py=python3
ns=rz-bp-sw
trap 'rz_netns_del $ns; rmmod mybridge 2>/dev/null' EXIT

ipn() { ip -n $ns "$@"; }

# The mybridge line of `ip -d link show DEV`, with a space at each end.
br_line() {
	local line
	line=$(ipn -d link show "$1" | grep -E '^ +mybridge( |$)') || return 1
	echo " ${line#"${line%%[! ]*}"} "
}

# shows DEV WORDS: the mybridge line of DEV starts with "mybridge WORDS ".
shows() {
	local line
	line=$(br_line "$1") || return 1
	[[ $line == " mybridge $2 "* ]] || { echo "$line"; return 1; }
}

# json_is DEV JSON: the info_data of DEV in `ip -j -d link show` is JSON
# (all of it), its info_kind mybridge.
json_is() {
	ipn -j -d link show "$1" | $py -c '
import json, sys
info = json.load(sys.stdin)[0]["linkinfo"]
want = json.loads(sys.argv[1])
if info["info_kind"] != "mybridge" or info["info_data"] != want:
    print(json.dumps(info))
    sys.exit(1)
' "$2"
}

# swctl_says DEV AGEING MAX: `swctl show DEV` has those values.
swctl_says() {
	local out
	out=$(ip netns exec $ns swctl show "$1") || return 1
	[[ $out == *" ageing $2 fdb_max_learned $3 "* ]] && return
	printf '%s\n' "$out"
	return 1
}

# reads_back DEV AGEING MAX: text, JSON and swctl agree on both values.
reads_back() {
	check "$1 shows \"mybridge ageing $2 fdb_max_learned $3\"" \
		shows "$1" "ageing $2 fdb_max_learned $3"
	check "$1 JSON info_data is ageing $2, fdb_max_learned $3" \
		json_is "$1" "{\"ageing\": $2, \"fdb_max_learned\": $3}"
	check "swctl show $1: ageing $2 fdb_max_learned $3" \
		swctl_says "$1" "$2" "$3"
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

# refused DESCRIPTION REGEX ARGS...: `ip link add rz-bad type mybridge
# ARGS` fails saying REGEX, and no rz-bad exists afterwards.
refused() {
	local desc=$1 regex=$2
	shift 2
	check "add refused: $desc" fails_saying "$regex" \
		ipn link add rz-bad type mybridge "$@"
	check_fails "no device after: $desc" ipn link show rz-bad
	ipn link del rz-bad 2> /dev/null
}

# line_is DEV LINE: the mybridge line of DEV is LINE (as br_line prints).
line_is() {
	local line
	line=$(br_line "$1") || return 1
	[ "$line" = "$2" ] && return
	printf '%s\n(was: %s)\n' "$line" "$2"
	return 1
}

# set_refused DESCRIPTION REGEX ARGS...: `ip link set br0 type mybridge
# ARGS` fails saying REGEX, and br0 is as it was.
set_refused() {
	local desc=$1 regex=$2 before
	shift 2
	before=$(br_line br0)
	check "set refused: $desc" fails_saying "$regex" \
		ipn link set br0 type mybridge "$@"
	check "br0 unchanged after: $desc" line_is br0 "$before"
}

# raw_ageing DEV SECONDS: RTM_NEWLINK creating mybridge DEV with
# IFLA_MYBRIDGE_AGEING SECONDS, straight to the kernel (no plugin); prints
# the errno and the extended ack message, fails when the kernel refuses.
raw_ageing() {
	ip netns exec $ns $py -c '
import socket, struct, sys

def rta(kind, payload):
    size = 4 + len(payload)
    return struct.pack("HH", size, kind) + payload + bytes(-size % 4)

IFLA_IFNAME, IFLA_LINKINFO, INFO_KIND, INFO_DATA, MYBRIDGE_AGEING = \
    3, 18, 1, 2, 1
body = struct.pack("BxHiII", 0, 0, 0, 0, 0)
body += rta(IFLA_IFNAME, sys.argv[1].encode() + b"\0")
body += rta(IFLA_LINKINFO, rta(INFO_KIND, b"mybridge\0") +
            rta(INFO_DATA, rta(MYBRIDGE_AGEING,
                               struct.pack("I", int(sys.argv[2])))))
# RTM_NEWLINK; NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
msg = struct.pack("IHHII", 16 + len(body), 16, 0x605, 1, 0) + body
s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
s.setsockopt(270, 11, 1)			# SOL_NETLINK, NETLINK_EXT_ACK
s.send(msg)
reply = s.recv(65536)
_, kind, flags, _, _ = struct.unpack_from("IHHII", reply)
err = struct.unpack_from("i", reply, 16)[0]
text = ""
if err and flags & 0x200:			# NLM_F_ACK_TLVS
    off = 20 + (16 if flags & 0x100 else len(msg))	# NLM_F_CAPPED
    while off + 4 <= len(reply):
        size, attr = struct.unpack_from("HH", reply, off)
        if size < 4:
            break
        if attr == 1:				# NLMSGERR_ATTR_MSG
            text = reply[off + 4:off + size].rstrip(b"\0").decode()
        off += (size + 3) & ~3
print("errno %d: %s" % (-err, text))
sys.exit(1 if err else 0)
' "$1" "$2"
}

check "the plugin is built" test -f "$IP_LIB_DIR/link_mybridge.so"
check "load mybridge" rz_insmod mybridge
check "namespace $ns" rz_netns $ns

# Usage: `ip link help mybridge`, and "help" among the options.  (`ip link
# help type KIND` is not a form iproute2 6.1 knows, even for its own kinds:
# it prints ip link's own usage.)
check_output "ip link help mybridge prints the usage" \
	'^Usage: \.\.\. mybridge \[ ageing SECONDS \]' ip link help mybridge
check_output "the usage names fdb_max_learned and the ageing range" \
	'fdb_max_learned NUMBER.*SECONDS.*0-1000000' sh -c \
	"ip link help mybridge | tr '\n' ' '"
refused "help" '^Usage: \.\.\. mybridge' help
refused "ageing 60 help" '^Usage: \.\.\. mybridge' ageing 60 help

# Creation without options: the defaults.
check "create br0, no options" ipn link add br0 type mybridge
reads_back br0 300 0
check_output "ip -d link show: \"mybridge ageing 300 fdb_max_learned 0\"" \
	'^ +mybridge ageing 300 fdb_max_learned 0( |$)' ipn -d link show br0

# Creation with options: both, one, the limits, abbreviations, hex.
check "create br1: ageing 60 fdb_max_learned 1000" \
	ipn link add br1 type mybridge ageing 60 fdb_max_learned 1000
reads_back br1 60 1000
check "create br2: fdb_max_learned 7 only" \
	ipn link add br2 type mybridge fdb_max_learned 7
reads_back br2 300 7
check "create br3: ageing 0 (never)" ipn link add br3 type mybridge ageing 0
reads_back br3 0 0
check "create br4: the largest values" ipn link add br4 type mybridge \
	ageing 1000000 fdb_max_learned 4294967295
reads_back br4 1000000 4294967295
check "create br5: abbreviations, hex" \
	ipn link add br5 type mybridge fdb 0x10 age 0x3c
reads_back br5 60 16

# The JSON of every link of the namespace parses.
all_json_parses() {
	ipn -j -d link show | $py -c 'import json, sys; json.load(sys.stdin)'
}
check "JSON of every link parses" all_json_parses

# Changes: each option alone leaves the other as it was.
check "set br0 ageing 120" ipn link set br0 type mybridge ageing 120
reads_back br0 120 0
check "set br0 fdb_max_learned 50" \
	ipn link set br0 type mybridge fdb_max_learned 50
reads_back br0 120 50
check "set br0 both at once" \
	ipn link set br0 type mybridge fdb_max_learned 0 ageing 0
reads_back br0 0 0
check "set br0 with no options" ipn link set br0 type mybridge
reads_back br0 0 0
check "set br0 ageing 300 while up" sh -c "
	ip -n $ns link set br0 up &&
	ip -n $ns link set br0 type mybridge ageing 300"
reads_back br0 300 0
check "set br3 ageing 1000000" ipn link set br3 type mybridge ageing 1000000
reads_back br3 1000000 0

# Bad input: the plugin refuses it before the kernel sees it.
refused "ageing -1" 'invalid ageing time \(0-1000000' ageing -1
refused "ageing abc" 'invalid ageing time' ageing abc
refused "ageing 1000001" 'invalid ageing time \(0-1000000' ageing 1000001
refused "ageing 4294967296" 'invalid ageing time' ageing 4294967296
refused "ageing 1.5" 'invalid ageing time' ageing 1.5
refused "ageing \"\"" 'invalid ageing time' ageing ""
refused "ageing without a value" '"ageing" needs an argument' ageing
refused "fdb_max_learned -3" 'invalid fdb_max_learned' fdb_max_learned -3
refused "fdb_max_learned 4294967296" 'invalid fdb_max_learned' \
	fdb_max_learned 4294967296
refused "fdb_max_learned lots" 'invalid fdb_max_learned' \
	fdb_max_learned lots
refused "fdb_max_learned without a value" \
	'"fdb_max_learned" needs an argument' ageing 5 fdb_max_learned
refused "unknown option" 'unknown option "frobnicate"' frobnicate
refused "unknown option after a good one" 'unknown option "stp"' \
	ageing 5 stp on
refused "ageing given twice" 'duplicate option "ageing"' ageing 1 ageing 2
refused "fdb_max_learned given twice" 'duplicate option' fdb 1 fdb_max 2

set_refused "ageing -1" 'invalid ageing time' ageing -1
set_refused "ageing abc" 'invalid ageing time' ageing abc
set_refused "ageing 1000001" 'invalid ageing time \(0-1000000' \
	ageing 1000001
set_refused "fdb_max_learned 4294967296" 'invalid fdb_max_learned' \
	fdb_max_learned 4294967296
set_refused "good ageing, bad fdb_max_learned" 'invalid fdb_max_learned' \
	ageing 10 fdb_max_learned x
set_refused "unknown option" 'unknown option "frobnicate"' frobnicate
set_refused "ageing without a value" '"ageing" needs an argument' ageing
set_refused "help" '^Usage: \.\.\. mybridge' help
reads_back br0 300 0

# The kernel refuses ageing above 1000000 itself, with an extended ack.
check_output "raw netlink: the kernel takes ageing 1000000" '^errno 0' \
	raw_ageing rz-bp-raw 1000000
check_output "rz-bp-raw reads back ageing 1000000" \
	'^ +mybridge ageing 1000000 ' ipn -d link show rz-bp-raw
check "delete rz-bp-raw" ipn link del rz-bp-raw
check "raw netlink: the kernel refuses ageing 1000001 with a message" \
	fails_saying '^errno [1-9][0-9]*: .+' raw_ageing rz-bp-raw 1000001
check_fails "no device after the kernel's refusal" ipn link show rz-bp-raw

# `ip link set ... type mybridge` on a device of another kind.
check "a veth pair" ipn link add rz-v0 type veth peer name rz-v1
check_fails "set a veth type mybridge ageing 5 is refused" \
	ipn link set rz-v0 type mybridge ageing 5

for dev in br0 br1 br2 br3 br4 br5 rz-v0; do
	check "ip link del $dev" ipn link del $dev
done
check_fails "no mybridge device is left" \
	sh -c "ip -n $ns -d link show | grep -q ' mybridge '"
rz_netns_del $ns
check "rmmod mybridge" rz_rmmod mybridge

rz_done
