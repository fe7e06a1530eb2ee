# Helpers for ringzero's shell tests (tests/*.sh); sourced, not run.
# The tests run as root inside an emulated machine.  RZ_MODDIR names the
# directory holding the built modules (its mod-*/ and tests/kunit/), and
# the tools are on PATH.
# shellcheck shell=bash

set -u
RZ_MODDIR=${RZ_MODDIR:?RZ_MODDIR must name the module build}
RZ_FAILS=0
RZ_CHECKS=0

# The built module files, by name; modules of the kernel that ours use.
declare -A RZ_KO
for ko in "$RZ_MODDIR"/mod-*/*.ko "$RZ_MODDIR"/tests/kunit/*.ko; do
	[ -e "$ko" ] && RZ_KO[$(basename "$ko" .ko)]=$ko
done
unset ko
modprobe -qa udp_tunnel ip6_udp_tunnel 2>/dev/null

# The VMM machines' hardware virtualization (tests/vmm/*.sh): VT-x
# (Bochs) with kvm_intel as the reference, or AMD-V (QEMU) with kvm_amd.
if grep -qw svm /proc/cpuinfo; then
	RZ_HVM=svm RZ_KVM=kvm_amd
else
	RZ_HVM=vmx RZ_KVM=kvm_intel
fi

# rz_kmsg_take: print the kernel's log and clear it, keeping a copy in
# RZ_KMSG (the VMM machines' whole log, which their kernel-log check
# reads) so that what a test clears is still checked.
rz_kmsg_take() {
	dmesg -c | tee -a "${RZ_KMSG:-/dev/null}"
}

# Load a module of the project.
rz_insmod() {
	[ -n "${RZ_KO[$1]:-}" ] || { echo "module $1.ko not built" >&2; return 1; }
	insmod "${RZ_KO[$1]}"
}

rz_rmmod() {
	rmmod "$1"
}

# rz_rmmod_settled NAME: rmmod once what a stopped VM held is let go; a
# VM is freed (its devices, their netdevs) a little after it stops.
rz_rmmod_settled() {
	local i
	for i in $(seq 100); do
		rmmod "$1" 2> /dev/null && return 0
		sleep 0.2
	done
	rmmod "$1"
}

# check DESCRIPTION COMMAND...: run COMMAND, report, count a failure.
check() {
	local desc=$1 out
	shift
	RZ_CHECKS=$((RZ_CHECKS + 1))
	if out=$("$@" 2>&1); then
		echo "  ok: $desc"
	else
		echo "  FAIL: $desc"
		echo "    command: $*"
		printf '%s\n' "$out" | sed 's/^/    | /'
		RZ_FAILS=$((RZ_FAILS + 1))
	fi
}

# check_output DESCRIPTION REGEX COMMAND...: COMMAND succeeds and its
# output matches the extended REGEX.
check_output() {
	local desc=$1 regex=$2 out
	shift 2
	RZ_CHECKS=$((RZ_CHECKS + 1))
	if out=$("$@" 2>&1) && printf '%s\n' "$out" | grep -Eq -- "$regex"; then
		echo "  ok: $desc"
	else
		echo "  FAIL: $desc (want /$regex/)"
		echo "    command: $*"
		printf '%s\n' "$out" | sed 's/^/    | /'
		RZ_FAILS=$((RZ_FAILS + 1))
	fi
}

# check_fails DESCRIPTION COMMAND...: COMMAND must fail.
check_fails() {
	local desc=$1 out
	shift
	RZ_CHECKS=$((RZ_CHECKS + 1))
	if out=$("$@" 2>&1); then
		echo "  FAIL: $desc (command succeeded)"
		echo "    command: $*"
		printf '%s\n' "$out" | sed 's/^/    | /'
		RZ_FAILS=$((RZ_FAILS + 1))
	else
		echo "  ok: $desc"
	fi
}

# End a test: non-zero exit status when any check failed or none ran.
rz_done() {
	if [ "$RZ_CHECKS" -eq 0 ]; then
		echo "  FAIL: no checks ran"
		exit 1
	fi
	[ "$RZ_FAILS" -eq 0 ]
}

# rz_console_until VM FILE REGEX: the console of the started VM appended
# to FILE until a line matches REGEX (about half an hour at most).
rz_console_until() {
	local i
	for i in $(seq 900); do
		timeout 2 vmctl console "$1" < /dev/null >> "$2" 2>&1
		tr -d '\r' < "$2" | grep -Eq "$3" && return 0
	done
	return 1
}

# rz_spinning_vm MASK: a VM named "api" whose vCPU spins in RUN, its
# process (RZ_SPIN_PID) pinned to the CPUs of MASK (taskset); returns
# once the vCPU runs.
rz_spinning_vm() {
	local i
	taskset "$1" myvmx-api spin > /tmp/spin.out 2>&1 &
	RZ_SPIN_PID=$!
	for i in $(seq 100); do
		grep -q '^spinning$' /tmp/spin.out && return 0
		sleep 0.1
	done
	return 1
}

# rz_netns NS...: create network namespaces, each with lo up.
rz_netns() {
	local n
	for n in "$@"; do
		ip netns add "$n" && ip -n "$n" link set lo up || return 1
	done
}

# rz_netns_del NS...: end what runs in them and delete them (cleanup).
rz_netns_del() {
	local n
	for n in "$@"; do
		ip netns pids "$n" 2>/dev/null | xargs -r kill 2>/dev/null
		ip netns del "$n" 2>/dev/null
	done
}

# rz_underlay NS_A NS_B: an eth0 veth pair joining the two namespaces,
# 10.0.0.1/24 in NS_A and 10.0.0.2/24 in NS_B, up.
rz_underlay() {
	ip -n "$1" link add eth0 type veth peer name eth0 netns "$2" &&
	ip -n "$1" addr add 10.0.0.1/24 dev eth0 &&
	ip -n "$2" addr add 10.0.0.2/24 dev eth0 &&
	ip -n "$1" link set eth0 up && ip -n "$2" link set eth0 up
}

# rz_hub HUB NS...: a Linux bridge "hub" in namespace HUB (no multicast
# snooping) and, for the Nth NS, an eth0 on it with 10.0.0.N/24 and
# fd00::N/64, up.
rz_hub() {
	local hub=$1 n i=1
	shift
	ip -n "$hub" link add hub type bridge mcast_snooping 0 &&
	ip -n "$hub" link set hub up || return 1
	for n in "$@"; do
		ip -n "$hub" link add "u$i" type veth peer name eth0 netns "$n" &&
		ip -n "$hub" link set "u$i" master hub up &&
		ip -n "$n" addr add "10.0.0.$i/24" dev eth0 &&
		ip -n "$n" addr add "fd00::$i/64" dev eth0 nodad &&
		ip -n "$n" link set eth0 up || return 1
		i=$((i + 1))
	done
}

# rz_vxlan_begin NS...: the start of a myvxlan test using namespaces NS.
# On exit they are deleted, myvxlan (and mybridge, if a test loaded it)
# unloaded and $RZ_TMP (a scratch directory) removed.  `ip` finds the
# myvxlan plugin; myvxlan and Linux's vxlan and bridge are loaded.
rz_vxlan_begin() {
	RZ_NETNS="$*"
	RZ_TMP=$(mktemp -d /tmp/rz-test.XXXXXX)
	trap 'rz_netns_del $RZ_NETNS; rmmod mybridge 2>/dev/null;
	      timeout 120 rmmod myvxlan 2>/dev/null; rm -rf "$RZ_TMP"' EXIT
	export IP_LIB_DIR=$RZ_ROOT/tools
	check "load myvxlan" rz_insmod myvxlan
	check "load Linux vxlan and bridge" modprobe -a vxlan bridge
}

# rz_vxlan_end: delete the namespaces, check that myvxlan unloads and
# that no device waits for a leaked reference; end the test.
rz_vxlan_end() {
	local n
	for n in $RZ_NETNS; do timeout 20 ip netns del "$n" 2>/dev/null; done
	check "myvxlan unloads cleanly" timeout 120 rmmod myvxlan
	check_fails "no device is waiting to be freed" sh -c \
		"dmesg | grep 'waiting for .* to become free'"
	rz_done
}

# rz_switch KIND SW HOST...: a switch "br0" of link kind KIND (mybridge,
# or bridge for Linux's) in namespace SW and, for the Nth HOST (all
# namespaces created here), a veth from port sN of br0 to eth0 in HOST
# with MAC 02:00:00:00:00:0N and 10.1.0.N/24, up.  No IPv6 link-local
# addresses (their router solicitations and MLD reports would blur
# counts) and every host knows the others' MACs (no ARP): only what a
# test sends crosses the switch.
rz_switch() {
	local kind=$1 sw=$2 h i=1 j
	shift 2
	rz_netns "$sw" "$@" || return 1
	ip -n "$sw" link add br0 type "$kind" &&
	ip -n "$sw" link set br0 addrgenmode none || return 1
	for h in "$@"; do
		ip -n "$sw" link add "s$i" type veth peer name eth0 netns "$h" &&
		ip -n "$sw" link set "s$i" addrgenmode none &&
		ip -n "$h" link set eth0 addrgenmode none &&
		ip -n "$h" link set eth0 address "02:00:00:00:00:0$i" &&
		ip -n "$h" addr add "10.1.0.$i/24" dev eth0 &&
		ip -n "$h" link set eth0 up &&
		ip -n "$sw" link set "s$i" master br0 &&
		ip -n "$sw" link set "s$i" up || return 1
		i=$((i + 1))
	done
	ip -n "$sw" link set br0 up || return 1
	for h in "$@"; do
		for ((j = 1; j < i; j++)); do
			ip -n "$h" neigh replace "10.1.0.$j" nud permanent \
				lladdr "02:00:00:00:00:0$j" dev eth0 || return 1
		done
	done
}

# rz_port_stat SW PORT COUNTER: a mybridge port counter (swctl -j show).
rz_port_stat() {
	ip netns exec "$1" swctl -j show br0 | /usr/bin/python3 -c "
import json, sys
for p in json.load(sys.stdin)[0]['ports']:
    if p['ifname'] == '$2':
        print(p['stats']['$3'])"
}

# rz_br_stat SW COUNTER: a counter of mybridge br0 in SW.
rz_br_stat() {
	ip netns exec "$1" swctl -j show br0 | /usr/bin/python3 -c "
import json, sys
print(json.load(sys.stdin)[0]['stats']['$2'])"
}
