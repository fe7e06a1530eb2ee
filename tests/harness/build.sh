#!/bin/bash
# Build the modules (and KUnit modules) against KDIR in a private copy of
# the source tree OUT, so builds for several kernels can coexist.
# Extra arguments go to make (for example W=1).
#
# usage: build.sh KDIR OUT [MAKEARGS...]
set -euo pipefail
. "$(dirname "$0")/common.sh"

kdir=$1 out=$(realpath -m "$2")
shift 2
mkdir -p "$out"
# Refresh the copy; objects whose sources did not change stay valid.
rsync -a --delete --exclude=/build --exclude=/.git \
	--exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' --exclude='*.mod' \
	--exclude='*.mod.c' --exclude=modules.order --exclude=Module.symvers \
	"$RZ_ROOT"/ "$out"/
make -s -C "$kdir" M="$out" "$@" modules
