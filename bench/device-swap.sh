#!/usr/bin/env bash
#
# Swap-gap benchmark of a OneDoor hall node: how long tickets wait while the printer driver is
# swapped, and whether any is lost or printed twice.
#
# Usage:
#   bash bench/device-swap.sh [DISTRIBUTION.tar.gz] [SWAPS]
#
#   DISTRIBUTION.tar.gz  default karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz
#   SWAPS                how many driver swaps; default 10
#
# What it does:
#   1. unpacks the distribution into a temporary directory, moves the node's ports out of the way,
#      starts the ESC/POS printer simulator (java -jar, its receipts go to printer.out) and writes
#      etc/org.onedoor.device~bench-printer.cfg for it (zone enterprise: the node prints every
#      ticket issued in that zone on it);
#   2. starts the node (bin/karaf server) and waits for the 11 zones and the printer ONLINE;
#   3. issues tickets steadily: one POST /api/v1/tickets {"zone":"enterprise"} every
#      BENCH_TICKET_INTERVAL seconds (with an Idempotency-Key), in the background;
#   4. SWAPS times: waits BENCH_SWAP_EVERY seconds, then swaps the driver through the console
#      (`bin/client -b`): BENCH_SWAP_MODE=feature (default) runs feature:uninstall, waits
#      BENCH_HOLD seconds, feature:install of onedoor-device-printer-escpos; BENCH_SWAP_MODE=update
#      runs bundle:stop, waits BENCH_HOLD seconds, bundle:update and bundle:start of
#      org.onedoor.device.printer.escpos;
#   5. stops issuing, waits until the printer's outbox is empty, reads the outbox
#      (GET /api/v1/devices/bench-printer/outbox, as admin) and the simulator's receipts.
#
# Per swap it reports, from the outbox's delivery times (finishedAt, written when the printer
# acknowledged a ticket): the last delivery before the new driver was asked for, the first after,
# the gap between them, the time the console took (driver out + back), and the commands held
# (written before the first delivery after the swap and delivered at or after it). Over the run:
# tickets issued, receipts printed, tickets never printed, tickets printed more than once.
#
# Output: a Markdown report on stdout; progress on stderr. Every process it started is stopped,
# by its pid, on exit; the temporary directory is removed unless BENCH_KEEP=1.
#
# Environment (all optional):
#   BENCH_HTTP_PORT 18090  BENCH_CLUSTER_PORT 15711  BENCH_SSH_PORT 18111
#   BENCH_RMI_REGISTRY_PORT 11109  BENCH_RMI_SERVER_PORT 44455  BENCH_PRINTER_PORT 19100
#   BENCH_TICKET_INTERVAL 0.1   BENCH_SWAP_EVERY 3   BENCH_HOLD 1   BENCH_SWAP_MODE feature
#   BENCH_TIMEOUT 180 (seconds for start-up and for the final drain)   BENCH_KEEP 0
#
# Needs: tar curl awk sed grep date ps mktemp java python3.
# Exit status: 0 when every ticket was printed exactly once, 1 otherwise, 2 on bad usage.

set -u -o pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$REPO_ROOT/karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz}"
SWAPS="${2:-10}"
SIMULATOR="$REPO_ROOT/device-bundles/org.onedoor.device.printer.escpos.simulator/target/org.onedoor.device.printer.escpos.simulator-0.1.0-SNAPSHOT.jar"

HTTP_PORT="${BENCH_HTTP_PORT:-18090}"
CLUSTER_PORT="${BENCH_CLUSTER_PORT:-15711}"
SSH_PORT="${BENCH_SSH_PORT:-18111}"
RMI_REGISTRY_PORT="${BENCH_RMI_REGISTRY_PORT:-11109}"
RMI_SERVER_PORT="${BENCH_RMI_SERVER_PORT:-44455}"
PRINTER_PORT="${BENCH_PRINTER_PORT:-19100}"
INTERVAL="${BENCH_TICKET_INTERVAL:-0.1}"
SWAP_EVERY="${BENCH_SWAP_EVERY:-3}"
HOLD="${BENCH_HOLD:-1}"
MODE="${BENCH_SWAP_MODE:-feature}"
TIMEOUT_S="${BENCH_TIMEOUT:-180}"
KEEP="${BENCH_KEEP:-0}"
ADMIN_PASSWORD="bench-Swap-admin-1"
DEVICE="bench-printer"
FEATURE="onedoor-device-printer-escpos"
DRIVER="org.onedoor.device.printer.escpos"
BASE_URL="http://127.0.0.1:${HTTP_PORT}"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 2; }

[ -f "$DIST" ] || die "distribution not found: $DIST"
[ -f "$SIMULATOR" ] || die "printer simulator not built: $SIMULATOR (mvn install)"
case "$SWAPS" in ''|*[!0-9]*) die "SWAPS must be a positive integer, not '$SWAPS'" ;; esac
[ "$SWAPS" -ge 1 ] || die "SWAPS must be at least 1"
case "$MODE" in feature|update) ;; *) die "BENCH_SWAP_MODE must be feature or update, not '$MODE'" ;; esac
for tool in tar curl awk sed grep date ps mktemp java python3; do
    command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
DIST="$(cd "$(dirname "$DIST")" && pwd)/$(basename "$DIST")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/onedoor-swap.XXXXXX")" || die "mktemp failed"
NODE_PID="" PRINTER_PID="" ISSUER_PID=""

descendants() {
    local parent="$1" child
    for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
stop_tree() {
    local root="$1" pid pids
    [ -n "$root" ] || return 0
    pids="$(descendants "$root" | tr '\n' ' ') $root"
    for pid in $pids; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
    sleep 1
    for pid in $pids; do alive "$pid" && kill -KILL "$pid" 2>/dev/null; done
    wait "$root" 2>/dev/null
}
cleanup() {
    trap - EXIT INT TERM HUP
    stop_tree "$ISSUER_PID"
    if [ -n "$NODE_PID" ] && alive "$NODE_PID"; then "$HOME_DIR/bin/stop" >/dev/null 2>&1; sleep 3; fi
    stop_tree "$NODE_PID"
    stop_tree "$PRINTER_PID"
    if [ "$KEEP" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP

now_ms() { date +%s%3N; }
set_key() {
    local file="$1" key="$2" value="$3"
    grep -Eq "^[[:space:]]*${key}[[:space:]]*=" "$file" || { log "no '$key' in $file"; return 1; }
    sed -i -E "s/^([[:space:]]*${key}[[:space:]]*=[[:space:]]*).*/\1${value}/" "$file"
}
console() { printf '%s\n' "$@" | JAVA_HOME="${JAVA_HOME:-}" "$HOME_DIR/bin/client" -a "$SSH_PORT" -u admin -p "$ADMIN_PASSWORD" -b >>"$WORK/console.out" 2>&1; }
wait_for() {
    local what="$1" check="$2" deadline=$(( $(date +%s) + TIMEOUT_S ))
    until eval "$check"; do
        [ "$(date +%s)" -ge "$deadline" ] && { log "timed out waiting for $what"; exit 1; }
        sleep 0.5
    done
}

# 1. node and printer -------------------------------------------------------------------------
log "unpacking $DIST"
tar -xzf "$DIST" -C "$WORK" || die "cannot unpack $DIST"
HOME_DIR="$(ls -d "$WORK"/*/ | head -n 1)"; HOME_DIR="${HOME_DIR%/}"
set_key "$HOME_DIR/etc/org.onedoor.hours.cfg" enforced false &&
set_key "$HOME_DIR/etc/org.onedoor.cluster.cfg" port "$CLUSTER_PORT" &&
set_key "$HOME_DIR/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT" &&
set_key "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT" &&
set_key "$HOME_DIR/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT" || die "cannot set the ports"
printf 'kind = printer\ndriver = escpos\nhost = 127.0.0.1\nport = %s\nzone = enterprise\n' "$PRINTER_PORT" \
    > "$HOME_DIR/etc/org.onedoor.device~$DEVICE.cfg"
printf 'publicUrl = http://127.0.0.1:%s\n' "$HTTP_PORT" > "$HOME_DIR/etc/org.onedoor.device.queue.cfg"

java -jar "$SIMULATOR" "$PRINTER_PORT" >"$WORK/printer.out" 2>&1 &
PRINTER_PID=$!
log "printer simulator on port $PRINTER_PORT (pid $PRINTER_PID)"

ONEDOOR_HTTP_PORT="$HTTP_PORT" ONEDOOR_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$HOME_DIR/bin/karaf" server </dev/null >"$WORK/node.out" 2>&1 &
NODE_PID=$!
log "node starting (pid $NODE_PID)"
wait_for "the 11 zones" "curl -s --max-time 2 $BASE_URL/api/v1/zones 2>/dev/null | grep -q '\"count\":11'"
wait_for "the printer online" "curl -s --max-time 2 $BASE_URL/api/v1/devices 2>/dev/null | grep -q '\"id\":\"$DEVICE\",\"status\":\"ONLINE\"'"
wait_for "the console" "console 'feature:list -i' && grep -q '$FEATURE' '$WORK/console.out'"
log "node up; printer online"

# 2. tickets, swaps ---------------------------------------------------------------------------
(
    n=0
    while :; do
        n=$((n + 1))
        curl -s --max-time 5 -H 'Content-Type: application/json' -H "Idempotency-Key: swap-$$-$n" \
            -d '{"zone":"enterprise"}' "$BASE_URL/api/v1/tickets" >>"$WORK/issued.jsonl" 2>/dev/null
        echo >>"$WORK/issued.jsonl"
        sleep "$INTERVAL"
    done
) &
ISSUER_PID=$!

: >"$WORK/swaps.tsv"
for i in $(seq 1 "$SWAPS"); do
    sleep "$SWAP_EVERY"
    t_out=$(now_ms)
    if [ "$MODE" = "feature" ]; then console "feature:uninstall $FEATURE"; else console "bundle:stop $DRIVER"; fi
    sleep "$HOLD"
    t_in=$(now_ms)
    if [ "$MODE" = "feature" ]; then console "feature:install $FEATURE"; else console "bundle:update $DRIVER" "bundle:start $DRIVER"; fi
    t_back=$(now_ms)
    printf '%s\t%s\t%s\t%s\n' "$i" "$t_out" "$t_in" "$t_back" >>"$WORK/swaps.tsv"
    log "swap $i done"
done
sleep "$SWAP_EVERY"
stop_tree "$ISSUER_PID"; ISSUER_PID=""
log "issuing stopped; waiting for the outbox to empty"
wait_for "an empty outbox" "curl -s --max-time 2 $BASE_URL/api/v1/devices 2>/dev/null | grep -q '\"id\":\"$DEVICE\",\"status\":\"ONLINE\".*\"pending\":0'"
sleep 2
curl -s -u "admin:$ADMIN_PASSWORD" "$BASE_URL/api/v1/devices/$DEVICE/outbox?limit=1000" >"$WORK/outbox.json"

# 3. report -----------------------------------------------------------------------------------
MEM_MB=$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)
echo "## Device driver swap gap ($(date -u +%Y-%m-%d))"
echo
echo "- machine: $(nproc) cores, ${MEM_MB} MB memory, $(uname -sr), $(java -version 2>&1 | head -n 1)"
echo "- command: \`bash bench/device-swap.sh $(basename "$DIST") $SWAPS\` (swap mode $MODE, driver out for ${HOLD} s," \
     "a ticket every ${INTERVAL} s, a swap every ${SWAP_EVERY} s)"
echo
python3 - "$WORK" <<'EOF'
import json, re, statistics, sys
from datetime import datetime
work = sys.argv[1]
def ms(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000
issued = []
for line in open(f"{work}/issued.jsonl", encoding="utf-8"):
    line = line.strip()
    if line.startswith("{"):
        try:
            t = json.loads(line)
        except ValueError:
            continue
        if "number" in t:
            issued.append(t["number"])
printed = re.findall(r"^\s*(\S+)  \[4x4\]$", open(f"{work}/printer.out", encoding="utf-8", errors="replace").read(), re.M)
entries = [e for e in json.load(open(f"{work}/outbox.json"))["entries"] if e["state"] == "DELIVERED"]
done = sorted((ms(e["finishedAt"]), ms(e["createdAt"])) for e in entries)
rows, gaps = [], []
for line in open(f"{work}/swaps.tsv"):
    i, t_out, t_in, t_back = (int(x) for x in line.split())
    before = [f for f, c in done if f < t_in]
    after = [f for f, c in done if f >= t_in]
    if not before or not after:
        rows.append(f"| {i} | - | - | - | {(t_back - t_out) / 1000:.2f} | - |")
        continue
    last, first = max(before), min(after)
    held = sum(1 for f, c in done if c <= first and f >= first)
    gaps.append(first - last)
    rows.append(f"| {i} | {datetime.utcfromtimestamp(last / 1000).strftime('%H:%M:%S.%f')[:-3]} "
                f"| {datetime.utcfromtimestamp(first / 1000).strftime('%H:%M:%S.%f')[:-3]} | {(first - last) / 1000:.2f} "
                f"| {(t_back - t_out) / 1000:.2f} | {held} |")
print("| swap | last delivery before (UTC) | first delivery after (UTC) | gap s | console out+back s | commands held |")
print("| ---: | --- | --- | ---: | ---: | ---: |")
print("\n".join(rows))
print()
lost = sorted(set(issued) - set(printed))
twice = sorted(n for n in set(printed) if printed.count(n) > 1)
if gaps:
    print(f"Gap over {len(gaps)} swaps: median {statistics.median(gaps) / 1000:.2f} s, "
          f"min {min(gaps) / 1000:.2f} s, max {max(gaps) / 1000:.2f} s.")
print(f"Tickets issued: {len(issued)}; receipts printed: {len(printed)}; never printed: {len(lost)}"
      f"{' ' + ', '.join(lost[:20]) if lost else ''}; printed more than once: {len(twice)}"
      f"{' ' + ', '.join(twice[:20]) if twice else ''}.")
sys.exit(0 if not lost and not twice and issued else 1)
EOF
