#!/bin/bash
# myvxlan interoperates with Linux's native vxlan.  Two network namespaces
# joined by a veth pair (the underlay) hold one VXLAN end each, myvxlan in
# one and Linux vxlan in the other, with the same VNI; for UDP port 4789
# and 8472 and for an IPv4 and an IPv6 underlay:
#  - each end's MTU is the underlay's less 50 (IPv4) or 70 (IPv6);
#  - the inner IPv4 addresses ping each other both ways, and so does a
#    ping of the largest size with DF set;
#  - 10 MB of random data cross in each direction over TCP, intact
#    (sha256);
#  - tcpdump on the underlay decodes the packets of both ends as VXLAN
#    with flags [I] and the right VNI, carrying the inner ICMP.
# Nothing leaves the namespaces this test creates (rz-vx-*).
#
# RZ_VXLAN_SELFTEST=1 makes both ends Linux vxlan (and does not load
# myvxlan): the same checks must then pass, which validates the test.
. "$(dirname "$0")/harness/testlib.sh"
RZ_ROOT=${RZ_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}

if [ "${RZ_VXLAN_SELFTEST:-0}" = 1 ]; then
	kind_a=vxlan
	echo "# self-test: both ends are Linux vxlan"
else
	kind_a=myvxlan
fi
kind_b=vxlan
ns_a=rz-vx-a-$$
ns_b=rz-vx-b-$$
port_tcp=5201
size=$((10 * 1024 * 1024))
# Debian's python3, not a pyenv shim that may come first on PATH.
py=/usr/bin/python3
[ -x $py ] || py=python3

tmp=$(mktemp -d /tmp/rz-vx.XXXXXX)
# On exit: end what still runs in the namespaces (tcpdump, the TCP
# helpers), then delete them.
cleanup() {
	local ns
	for ns in $ns_a $ns_b; do
		ip netns pids $ns 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del $ns 2>/dev/null
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# vx_add NS KIND ARGS...: create vx0 of link kind KIND (myvxlan or
# vxlan) in NS; ARGS are the vxlan options (id, local, remote, ...).
# ip finds the myvxlan plugin (parsing and printing) in IP_LIB_DIR.
vx_add() {
	local ns=$1 kind=$2
	shift 2
	IP_LIB_DIR=$RZ_ROOT/tools ip -n "$ns" link add vx0 type "$kind" "$@"
}

# setup FAMILY MTU: the two namespaces and their veth underlay with MTU
# and the addresses ul_a and ul_b, IPv4 (FAMILY 4) or IPv6 (6).
setup() {
	local fam=$1 mtu=$2
	ip netns add $ns_a && ip netns add $ns_b &&
	ip -n $ns_a link add veth0 mtu "$mtu" type veth \
		peer name veth1 mtu "$mtu" netns $ns_b &&
	ip -n $ns_a link set lo up && ip -n $ns_b link set lo up || return
	if [ "$fam" = 4 ]; then
		ip -n $ns_a addr add "$ul_a/24" dev veth0 &&
		ip -n $ns_b addr add "$ul_b/24" dev veth1
	else
		ip -n $ns_a addr add "$ul_a/64" dev veth0 nodad &&
		ip -n $ns_b addr add "$ul_b/64" dev veth1 nodad
	fi || return
	ip -n $ns_a link set veth0 up && ip -n $ns_b link set veth1 up
}

# vx_up NS ADDR: no IPv6 link-local address (its DAD and MLD would add
# noise to the captures), ADDR on vx0, vx0 up.
vx_up() {
	ip -n "$1" link set vx0 addrgenmode none &&
	ip -n "$1" addr add "$2/24" dev vx0 &&
	ip -n "$1" link set vx0 up
}

# pings NS ARGS...: ping from NS, few packets, bounded in time.
pings() {
	local ns=$1
	shift
	ip netns exec "$ns" ping -n -c 2 -i 0.5 -W 3 "$@"
}
ok_ping='2 packets transmitted, 2 received, 0% packet loss'

# tcp_copy FROM TO ADDR: send $tmp/data over TCP from namespace FROM to a
# receiver on ADDR in namespace TO; prints what arrived: "BYTES SHA256".
tcp_copy() {
	local from=$1 to=$2 addr=$3 rpid rc=0
	ip netns exec "$to" timeout 150 $py "$tmp/tcp.py" recv "$addr" \
		$port_tcp > "$tmp/recv.out" 2>&1 &
	rpid=$!
	ip netns exec "$from" timeout 120 $py "$tmp/tcp.py" send "$addr" \
		$port_tcp "$tmp/data" || { rc=1; kill "$rpid" 2>/dev/null; }
	wait "$rpid" || rc=1
	cat "$tmp/recv.out"
	return $rc
}

# capture NS DEV PORT: tcpdump the UDP traffic of port PORT on DEV in NS,
# decoded as VXLAN, while ns_a pings ns_b; prints one line per packet,
# outer and inner headers joined by " | ".
capture() {
	local ns=$1 dev=$2 port=$3 tpid i
	ip netns exec "$ns" timeout 60 tcpdump -n -l --immediate-mode \
		-T vxlan -i "$dev" udp port "$port" \
		> "$tmp/td.out" 2> "$tmp/td.err" &
	tpid=$!
	for i in $(seq 100); do
		grep -q '^listening on' "$tmp/td.err" && break
		sleep 0.2
	done
	pings $ns_a 192.168.99.2 > /dev/null
	sleep 1
	kill -INT "$tpid"
	wait "$tpid"
	cat "$tmp/td.err" >&2
	awk '/^[0-9]+:[0-9]+:[0-9.]+ / { if (l != "") print l; l = $0; next }
		NF { l = l " | " $0 }
		END { if (l != "") print l }' "$tmp/td.out"
}

# The helper sending and receiving the TCP test data.
cat > "$tmp/tcp.py" <<'EOF'
import hashlib
import socket
import sys
import time

role, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if role == "recv":
    srv = socket.create_server((host, port))
    srv.settimeout(60)
    conn, _ = srv.accept()
    conn.settimeout(60)
    digest, n = hashlib.sha256(), 0
    while True:
        data = conn.recv(1 << 16)
        if not data:
            break
        digest.update(data)
        n += len(data)
    conn.close()
    print(n, digest.hexdigest())
else:
    deadline = time.monotonic() + 30
    while True:
        try:
            conn = socket.create_connection((host, port), timeout=10)
            break
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    conn.settimeout(60)
    with open(sys.argv[4], "rb") as f:
        conn.sendfile(f)
    conn.shutdown(socket.SHUT_WR)
    conn.recv(1)  # the receiver closes once it has read everything
    conn.close()
EOF

check "modprobe vxlan (Linux's)" modprobe vxlan
loaded_myvxlan=0
if [ $kind_a = myvxlan ] && [ ! -d /sys/module/myvxlan ]; then
	check "insmod myvxlan" rz_insmod myvxlan &&
		[ -d /sys/module/myvxlan ] && loaded_myvxlan=1
fi
if [ "$RZ_FAILS" != 0 ]; then
	echo "# without both modules nothing more can be tested"
	exit 1
fi
check "10 MB of random test data" \
	sh -c "head -c $size /dev/urandom > '$tmp/data'"
sum=$(sha256sum "$tmp/data" | cut -d' ' -f1)

# scenario FAMILY PORT VNI UNDERLAY_MTU
scenario() {
	local fam=$1 port=$2 vni=$3 ul_mtu=$4 fails=$RZ_FAILS
	local ul_a ul_b over ip re_a re_b caps
	if [ "$fam" = 4 ]; then
		ul_a=10.0.0.1 ul_b=10.0.0.2 over=50 ip='IP'
	else
		ul_a=fd00::1 ul_b=fd00::2 over=70 ip='IP6'
	fi
	local mtu=$((ul_mtu - over)) name="IPv$fam underlay, port $port, vni $vni"
	# The ends, named in the check lines.
	local a="A ($kind_a)" b="B ($kind_b)"
	echo "# $name: A = $kind_a in $ns_a on $ul_a, B = $kind_b in $ns_b on $ul_b"

	check "underlay: namespaces, veth with MTU $ul_mtu, addresses" \
		setup "$fam" "$ul_mtu"
	check_output "underlay: $ul_a pings $ul_b" "$ok_ping" \
		pings $ns_a "$ul_b"
	check "create $a: id $vni dstport $port dev veth0" \
		vx_add $ns_a $kind_a id "$vni" local $ul_a remote $ul_b \
		dstport "$port" dev veth0
	check "create $b: id $vni dstport $port dev veth1" \
		vx_add $ns_b $kind_b id "$vni" local $ul_b remote $ul_a \
		dstport "$port" dev veth1
	check "$a up with 192.168.99.1/24" vx_up $ns_a 192.168.99.1
	check "$b up with 192.168.99.2/24" vx_up $ns_b 192.168.99.2
	if [ "$RZ_FAILS" != "$fails" ]; then
		echo "# $name: set-up failed, the rest of this scenario is skipped"
		ip netns del $ns_a 2>/dev/null
		ip netns del $ns_b 2>/dev/null
		return
	fi
	check_output "$a reports link kind $kind_a, id $vni" \
		"^ +$kind_a id $vni " \
		env IP_LIB_DIR="$RZ_ROOT/tools" ip -n $ns_a -d link show vx0
	check_output "$a MTU is $ul_mtu - $over = $mtu" \
		" mtu $mtu " ip -n $ns_a link show vx0
	check_output "$b MTU is $ul_mtu - $over = $mtu" \
		" mtu $mtu " ip -n $ns_b link show vx0

	check_output "overlay: $a pings $b" "$ok_ping" \
		pings $ns_a 192.168.99.2
	check_output "overlay: $b pings $a" "$ok_ping" \
		pings $ns_b 192.168.99.1
	check_output "overlay: $a pings $b with $mtu bytes, DF set" \
		"$ok_ping" pings $ns_a -M do -s $((mtu - 28)) 192.168.99.2
	check_output "overlay: $b pings $a with $mtu bytes, DF set" \
		"$ok_ping" pings $ns_b -M do -s $((mtu - 28)) 192.168.99.1
	check_fails "overlay: $a refuses a DF ping of $((mtu + 1)) bytes" \
		ip netns exec $ns_a ping -c 1 -W 1 -M do -s $((mtu - 27)) \
		192.168.99.2

	check_output "TCP: 10 MB from $a to $b arrive intact" \
		"^$size $sum\$" tcp_copy $ns_a $ns_b 192.168.99.2
	check_output "TCP: 10 MB from $b to $a arrive intact" \
		"^$size $sum\$" tcp_copy $ns_b $ns_a 192.168.99.1

	caps=$(capture $ns_b veth1 "$port" 2>&1)
	re_a="$ip ${ul_a//./\\.}\.[0-9]+ > ${ul_b//./\\.}\.$port: VXLAN, flags \[I\] \(0x08\), vni $vni \| IP 192\.168\.99\.1 > 192\.168\.99\.2: ICMP echo request"
	re_b="$ip ${ul_b//./\\.}\.[0-9]+ > ${ul_a//./\\.}\.$port: VXLAN, flags \[I\] \(0x08\), vni $vni \| IP 192\.168\.99\.2 > 192\.168\.99\.1: ICMP echo reply"
	check_output "tcpdump: $a sends VXLAN, vni $vni, to port $port" \
		"$re_a" printf '%s\n' "$caps"
	check_output "tcpdump: $b answers VXLAN, vni $vni, to port $port" \
		"$re_b" printf '%s\n' "$caps"

	check "delete the namespaces" \
		sh -c "ip netns del $ns_a && ip netns del $ns_b"
}

scenario 4 4789 42 1500
scenario 4 8472 11259375 1400
scenario 6 4789 42 1500
scenario 6 8472 11259375 1400

if [ $loaded_myvxlan = 1 ]; then
	check "rmmod myvxlan" rz_rmmod myvxlan
fi
echo "# $SECONDS s"
rz_done
