# Shared settings of the ringzero test harness; sourced, not run.
# shellcheck shell=bash

RZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Kernel builds and the Python venv live outside git and outside the
# checkout, so every clone on this machine reuses them.
RZ_CACHE=${RINGZERO_CACHE:-/var/cache/ringzero}
# Per-checkout build products (module builds per kernel, ISOs, logs).
RZ_BUILD=${RINGZERO_BUILD:-$RZ_ROOT/build}

rz_log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
rz_die() { rz_log "error: $*"; exit 1; }
