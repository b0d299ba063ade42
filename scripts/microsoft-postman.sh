#!/usr/bin/env bash
# npm run conformance:microsoft — Microsoft's "SCIM Tests" Postman collection (AzureAD/SCIMReferenceCode)
# against a fresh, empty `scimulator serve --memory`. Not part of `npm test`: it needs newman (npx) and
# the collection, found in $SCIM_POSTMAN_DIR (default ../shared/conformance/microsoft next to the repo).
# Extra arguments go to newman. Exit status is run.sh's: 0 only when every assertion passed.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${SCIM_POSTMAN_DIR:-$root/../shared/conformance/microsoft}"
if [ ! -x "$dir/run.sh" ] && [ ! -f "$dir/run.sh" ]; then
  echo "conformance:microsoft: no run.sh in $dir (set SCIM_POSTMAN_DIR)" >&2
  exit 2
fi
token="postman-$RANDOM$RANDOM"
log="$(mktemp)"
node "$root/dist/cli/index.js" serve --memory --port 0 --token "$token" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^listening on \(.*\)$/\1/p' "$log")"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { echo "conformance:microsoft: the server did not start" >&2; cat "$log" >&2; exit 2; }
SCIM_TOKEN="$token" SCIM_BASE_URL="$url" bash "$dir/run.sh" "$@"
