#!/usr/bin/env bash
# Prints the lwIP source tree the net module builds (make's LWIP_DIR):
# Debian's `lwip` source package, fetched once into autoport's cache by the
# same code the pipeline uses (src/source/debian.ts: apt-get source into a
# temporary folder, renamed into place when complete).
# Usage: kernel/tools/fetch-lwip.sh  ->  ~/.cache/autoport/debian/lwip/lwip-2.1.3+dfsg1
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
js="$root/dist/source/debian.js"
[ -f "$js" ] || (cd "$root" && npx tsc -p . >/dev/null 2>&1) || true
[ -f "$js" ] || { echo "fetch-lwip: $js is missing: run npx tsc -p . in $root" >&2; exit 1; }
exec node --input-type=module -e "
const { fetchDebianSource } = await import(process.argv[1]);
try { console.log((await fetchDebianSource('lwip')).root); }
catch (e) { console.error('fetch-lwip: ' + e.message); process.exit(1); }
" "$js"
