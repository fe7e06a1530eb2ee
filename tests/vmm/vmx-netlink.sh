#!/bin/bash
# The myvmx genl family, on both VMM machines: vmctl list shows each VM
# (id, name, owner pid, vCPUs, memory, vCPUs in RUN, backend), vmctl stats
# its vCPUs' exits by kind, with the exact counts of a guest that made
# known exits, in the one vocabulary of both backends; bad requests get a
# clear error.
. "$RZ_ROOT/tests/harness/testlib.sh"

check "insmod myvmx" rz_insmod myvmx
check_output "vmctl version names the backend" "^backend: $RZ_HVM\$" \
	vmctl version
check_output "vmctl -j version too" "\"backend\":\"$RZ_HVM\"" \
	vmctl -j version
check_output "no VM: vmctl list prints nothing" '^$' vmctl list
check_output "no VM: vmctl -j list prints []" '^\[\]$' vmctl -j list

# A VM named "api" whose vCPU made 3 port writes, a CPUID and a HLT.
myvmx-api hold > /tmp/hold.out 2>&1 &
hold=$!
sleep 1
check_output "a process holds a VM" '^holding after exit 3$' cat /tmp/hold.out
vmctl list | sed 's/^/  | /'
check_output "vmctl list shows it" \
	"^[0-9]+ +api +$hold +1 +1048576 +0 +$RZ_HVM +created\$" vmctl list
check_output "vmctl list has a header" \
	'^ID +NAME +OWNER +VCPUS +MEMORY +RUNNING +BACKEND +STATE$' vmctl list
check_output "vmctl -j list" \
	"^\[\{\"id\":[0-9]+,\"name\":\"api\",\"owner\":$hold,\"vcpus\":1,\"memory\":1048576,\"running\":0,\"backend\":\"$RZ_HVM\",\"state\":\"created\"\}\]\$" \
	vmctl -j list
vmctl stats api | sed 's/^/  | /'
check_output "vmctl stats: 3 port I/O exits" '^  io +3$' vmctl stats api
check_output "vmctl stats: 1 CPUID exit" '^  cpuid +1$' vmctl stats api
check_output "vmctl stats: 1 HLT exit" '^  hlt +1$' vmctl stats api
check_output "vmctl stats: the VM" \
	"^vm [0-9]+ \\(api\\): 1 vcpus, 1048576 bytes of memory, backend $RZ_HVM\$" \
	vmctl stats api
id=$(vmctl list | awk '$2 == "api" { print $1 }')
check_output "vmctl stats by id" '^  hlt +1$' vmctl stats "$id"
check_output "vmctl -j stats" \
	'"reasons":\{.*"io":3.*\}' vmctl -j stats "$id"
check_output "vmctl stats of a VM that does not exist: a clear error" \
	'no VM with this id' sh -c '! vmctl stats 99999 2>&1'
check_output "vmctl stats of an unknown name" "no VM named 'nope'" \
	sh -c '! vmctl stats nope 2>&1'
check_output "pausing a VM the kernel does not run: a clear error" \
	'only a started VM' sh -c '! vmctl pause api 2>&1'
check_output "resuming it too" 'only a started VM' \
	sh -c '! vmctl resume api 2>&1'
check_output "vmctl stop stops a VM its process runs, hard: no platform" \
	'^vmctl: VM api: the VM has no platform device: stopping it hard$' \
	sh -c 'vmctl stop api 2>&1'
check_output "vmctl list: stopped, and why" \
	"^[0-9]+ +api +$hold .* stopped: stopped\$" vmctl list
check_output "vmctl -j list: the stop reason" \
	'"state":"stopped","stop_reason":"stopped"' vmctl -j list
check_output "stopping it again: a clear error" 'already stopped' \
	sh -c '! vmctl stop api 2>&1'
kill -9 $hold
wait $hold 2>/dev/null
check_output "the VM is gone from vmctl list" '^$' vmctl list
check "rmmod myvmx" rz_rmmod myvmx
rz_done
