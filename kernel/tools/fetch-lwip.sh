#!/usr/bin/env bash
# Prints the lwIP source tree the net module builds (LWIP_DIR), fetching
# Debian's `lwip` source package into the cache the first time.
# Usage: kernel/tools/fetch-lwip.sh  ->  /root/.cache/autoport/debian/lwip/lwip-2.1.3+dfsg1
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/autoport/debian/lwip"
find_tree() { for d in "$cache"/lwip-*/; do [ -f "$d/src/core/tcp.c" ] && { echo "${d%/}"; return 0; }; done; return 1; }
if find_tree; then exit 0; fi
mkdir -p "$cache"
# several builds may ask at once: one fetches, the others wait and find it
exec 9>"$cache/.lock"
flock 9
if find_tree; then exit 0; fi
(cd "$cache" && apt-get source lwip >"$cache/apt-get-source.log" 2>&1) || { echo "fetch-lwip: apt-get source lwip failed (see $cache/apt-get-source.log)" >&2; exit 1; }
find_tree || { echo "fetch-lwip: no lwip-*/src/core/tcp.c under $cache after apt-get source" >&2; exit 1; }
