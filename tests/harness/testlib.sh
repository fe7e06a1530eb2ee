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

# Load a module of the project.
rz_insmod() {
	[ -n "${RZ_KO[$1]:-}" ] || { echo "module $1.ko not built" >&2; return 1; }
	insmod "${RZ_KO[$1]}"
}

rz_rmmod() {
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
