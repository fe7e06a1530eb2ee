#!/bin/bash
# config-check.sh FRAGMENT CONFIG: every line of the config FRAGMENT made
# it into the kernel's CONFIG (allnoconfig drops a symbol whose
# dependencies are unmet without a word); names those that did not.
# (kernel.sh still has its own copy of this loop: it is part of the test
# kernels' cache key, and moves here with their next configuration change.)
set -uo pipefail
. "$(dirname "$0")/common.sh"

bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*)
		grep -qxF "$line" "$2" ||
			{ rz_log "fragment line not in .config: $line"; bad=1; } ;;
	"# CONFIG_"*" is not set")
		sym=${line#\# }; sym=${sym%% *}
		! grep -q "^$sym=" "$2" ||
			{ rz_log "fragment line not in .config: $line"; bad=1; } ;;
	esac
done < "$1"
exit $bad
