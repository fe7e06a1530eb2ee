#!/bin/bash
# mybridge flow export, checked by real collectors: hosts rz-xa..rz-xc
# (10.1.0.1-3) on ports s1-s3 of br0 in rz-xs; the collector listens on
# 127.0.0.1 in rz-xs.  IPFIX messages are decoded by tshark, NetFlow v5
# ones stored and read back by nfdump's nfcapd/nfdump; the records must
# match the traffic sent (addresses, protocol, ports, packets, bytes,
# ingress and egress port, VLAN).  Active and idle timeouts, stopping,
# refused input.
. "$(dirname "$0")/harness/testlib.sh"
# rz-debug-kernel: also run on the debug kernel (see check.sh).

hosts="rz-xa rz-xb rz-xc"
tmp=$(mktemp -d /tmp/rz-export.XXXXXX)
trap 'rz_netns_del $hosts rz-xs; rmmod mybridge 2>/dev/null; rm -rf "$tmp"' EXIT
check "load mybridge" rz_insmod mybridge
check "br0 with three ports" rz_switch mybridge rz-xs $hosts

sw() { ip netns exec rz-xs swctl "$@"; }
ifindex() { cat "/sys/class/net/$1/ifindex" 2>/dev/null ||
	ip netns exec rz-xs cat "/sys/class/net/$1/ifindex"; }
s1=$(ifindex s1) s2=$(ifindex s2) s3=$(ifindex s3)

# capture PORT: tcpdump of UDP to PORT on rz-xs's lo, into $tmp/PORT.pcap
# (not under check: it runs in a subshell and cap_pid would be lost).
capture() {
	rm -f "$tmp/$1.pcap" "$tmp/$1.err"
	ip netns exec rz-xs timeout 120 tcpdump -n -U --immediate-mode -i lo -w "$tmp/$1.pcap" \
		"udp dst port $1" 2> "$tmp/$1.err" &
	cap_pid=$!
	for _ in $(seq 50); do
		grep -q listening "$tmp/$1.err" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
capture_stop() { kill -INT "$cap_pid"; wait "$cap_pid" 2>/dev/null; true; }

# records PCAP: the IPFIX data records of IPv4 flows in the capture, one
# per line: src dst proto sport dport packets octets in out vlan.  tshark
# prints a message's records field by field; they are put back together.
records() {
	tshark -r "$1" -d udp.port==4739,cflow -T fields -E occurrence=a \
		-E aggregator=';' -e cflow.srcaddr -e cflow.dstaddr \
		-e cflow.protocol -e cflow.srcport -e cflow.dstport \
		-e cflow.packets -e cflow.octets -e cflow.inputint \
		-e cflow.outputint -e cflow.vlanid 2>/dev/null |
	/usr/bin/python3 -c '
import sys
for line in sys.stdin:
    cols = [c.split(";") if c else [] for c in line.rstrip("\n").split("\t")]
    n = len(cols[0])
    if n and all(len(c) == n for c in cols):
        for i in range(n):
            print(" ".join(c[i] for c in cols))'
}

udp_send() { # FROM_NS DST PORT COUNT SIZE
	ip netns exec "$1" /usr/bin/python3 -c "
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('', 4444))
for i in range($4):
    s.sendto(b'x' * $5, ('$2', $3))"
}

# ------------------------------------------------------------ IPFIX
capture 4739
check "tcpdump captures on rz-xs's lo, port 4739" grep -q listening "$tmp/4739.err"
check "swctl export br0 ipfix 127.0.0.1:4739 idle 1" \
	sw export br0 ipfix 127.0.0.1:4739 idle 1
check_output "swctl show reports the export" \
	'export ipfix 127.0.0.1:4739 active 60 idle 1 records 0' sw show br0
check_output "rz-xa pings rz-xb 5 times" ' 0% packet loss' \
	ip netns exec rz-xa ping -n -c 5 -i 0.2 -w 10 10.1.0.2
check "rz-xa sends 3 UDP datagrams of 100 bytes to rz-xc:5000" \
	udp_send rz-xa 10.1.0.3 5000 3 100
# Idle for 1 s, scanned every second: gone in 3 s at most.
sleep 4
capture_stop
records "$tmp/4739.pcap" > "$tmp/ipfix.txt"
cat "$tmp/ipfix.txt" | sed 's/^/    ipfix: /'
check_output "tshark decodes the IPFIX messages (templates 256-258)" \
	'^3$' sh -c "tshark -r $tmp/4739.pcap -d udp.port==4739,cflow -T fields -e cflow.template_id 2>/dev/null | tr ',' '\n' | sort -u | grep -c '^25[678]$'"
# Ping: 5 echo requests, 98 bytes each on the wire; into s1, out of s2.
check_output "ICMP 10.1.0.1 > 10.1.0.2: 5 packets, 490 bytes, s1 -> s2, VLAN 0" \
	"^10\.1\.0\.1 10\.1\.0\.2 1 8 0 5 490 $s1 $s2 0\$" cat "$tmp/ipfix.txt"
check_output "... and the replies, s2 -> s1" \
	"^10\.1\.0\.2 10\.1\.0\.1 1 0 0 5 490 $s2 $s1 0\$" cat "$tmp/ipfix.txt"
# UDP: 14 + 20 + 8 + 100 = 142 bytes a frame.
check_output "UDP 10.1.0.1:4444 > 10.1.0.3:5000: 3 packets, 426 bytes, s1 -> s3" \
	"^10\.1\.0\.1 10\.1\.0\.3 17 4444 5000 3 426 $s1 $s3 0\$" cat "$tmp/ipfix.txt"
# No one listens on rz-xc:5000: it answers with ICMP port unreachable
# (type 3, code 3), 14 + 20 + 8 + 20 + 8 + 100 = 170 bytes each.
check_output "rz-xc's port unreachables: 3 packets, 510 bytes, s3 -> s1" \
	"^10\.1\.0\.3 10\.1\.0\.1 1 3 3 3 510 $s3 $s1 0\$" cat "$tmp/ipfix.txt"
check_output "no other IPv4 records" '^4$' sh -c "grep -c '^10\.' $tmp/ipfix.txt"
check_output "the switch counted 4 records sent, none dropped" \
	'records 4 messages [1-9][0-9]* dropped 0' sw show br0

# Active timeout: a long flow is reported in parts that add up.
check "export br0 ipfix 127.0.0.1:4739 active 1 idle 30" \
	sw export br0 ipfix 127.0.0.1:4739 active 1 idle 30
capture 4739
check "tcpdump captures again" grep -q listening "$tmp/4739.err"
check_output "rz-xb pings rz-xc 20 times over 4 s" ' 0% packet loss' \
	ip netns exec rz-xb ping -n -c 20 -i 0.2 -w 20 10.1.0.3
sleep 3
check "export off sends what is left" sw export br0 off
capture_stop
records "$tmp/4739.pcap" > "$tmp/active.txt"
check_output "10.1.0.2 > 10.1.0.3 came in several records" '^([2-9]|[1-9][0-9])$' \
	sh -c "grep -c '^10\.1\.0\.2 10\.1\.0\.3 1 ' $tmp/active.txt"
check_output "... adding up to 20 packets and 1960 bytes" '^20 1960$' \
	sh -c "awk '\$1 == \"10.1.0.2\" && \$2 == \"10.1.0.3\" { p += \$6; b += \$7 } END { print p, b }' $tmp/active.txt"
check_fails "swctl show: no export any more" sh -c \
	"ip netns exec rz-xs swctl show br0 | grep export"

# ------------------------------------------------------------ NetFlow v5
mkdir -p "$tmp/nf"
ip netns exec rz-xs nfcapd -b 127.0.0.1 -p 2055 -w "$tmp/nf" -t 3600 \
	> "$tmp/nfcapd.log" 2>&1 &
nfcapd_pid=$!
sleep 1
check "swctl export br0 netflow 127.0.0.1:2055 idle 1" \
	sw export br0 netflow 127.0.0.1:2055 idle 1
check_output "rz-xc pings rz-xa 4 times" ' 0% packet loss' \
	ip netns exec rz-xc ping -n -c 4 -i 0.2 -w 10 10.1.0.1
check "rz-xc sends 7 UDP datagrams of 300 bytes to rz-xb:6000" \
	udp_send rz-xc 10.1.0.2 6000 7 300
sleep 4
check "export off" sw export br0 off
sleep 1
kill -TERM $nfcapd_pid
wait $nfcapd_pid 2>/dev/null
nfdump -R "$tmp/nf" -q -o 'fmt:%sa %da %pr %sp %dp %pkt %byt %in %out' \
	> "$tmp/nfdump.txt" 2>&1
sed 's/^/    nfdump: /' "$tmp/nfdump.txt"
nf() { tr -s ' ' < "$tmp/nfdump.txt" | sed 's/^ //'; }
check_output "nfcapd stored ICMP 10.1.0.3 > 10.1.0.1: 4 packets, 392 bytes, s3 -> s1" \
	"^10\.1\.0\.3 10\.1\.0\.1 ICMP 0 8\.0 4 392 $s3 $s1\$" nf
check_output "... UDP 10.1.0.3:4444 > 10.1.0.2:6000: 7 packets, 2394 bytes, s3 -> s2" \
	"^10\.1\.0\.3 10\.1\.0\.2 UDP 4444 6000 7 2394 $s3 $s2\$" nf

# ------------------------------------------------------------ refusals
check_output "an unknown format" 'usage' sh -c \
	"ip netns exec rz-xs swctl export br0 sflow 127.0.0.1:6343 2>&1; true"
check_output "a bad collector" 'bad collector' sh -c \
	"ip netns exec rz-xs swctl export br0 ipfix 127.0.0.1 2>&1; true"
check_output "an active timeout of 0 is refused by the kernel" \
	'kernel says' sh -c \
	"ip netns exec rz-xs swctl export br0 ipfix 127.0.0.1:4739 active 0 2>&1; true"
check_output "... as is one above 3600" 'kernel says' sh -c \
	"ip netns exec rz-xs swctl export br0 ipfix 127.0.0.1:4739 idle 3601 2>&1; true"
check_output "a device that is not a switch" 'no such mybridge device' sh -c \
	"ip netns exec rz-xs swctl export s1 ipfix 127.0.0.1:4739 2>&1; true"
check_fails "none of that started an export" sh -c \
	"ip netns exec rz-xs swctl show br0 | grep export"

# Deleting the switch while exporting, with flows in the table.
check "export to an IPv6 collector" sw export br0 ipfix '[::1]:4739'
check_output "swctl show shows it in brackets" 'export ipfix \[::1\]:4739' sw show br0
ip netns exec rz-xa ping -n -c 2 -i 0.2 -w 5 10.1.0.2 > /dev/null
check "delete br0 while exporting" ip -n rz-xs link del br0
check "mybridge unloads" rmmod mybridge
rz_done
