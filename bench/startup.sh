#!/usr/bin/env bash
#
# Start-up benchmark of a OneDoor hall node.
#
# Usage:
#   bash bench/startup.sh [DISTRIBUTION.tar.gz] [RUNS]
#
#   DISTRIBUTION.tar.gz  the Karaf assembly to measure; default, relative to the repository root:
#                        karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz
#   RUNS                 number of cold runs, each followed by one warm run; default 5
#
# For each run:
#   cold  unpack the distribution into a fresh temporary directory (so data/ is empty: Karaf
#         resolves and installs the boot features, H2 database and schema are created), move the
#         node's ports out of the way (see below), launch `bin/karaf server` in the background with
#         a fixed ONEDOOR_ADMIN_PASSWORD and measure, from launch:
#           - the wall time until GET /api/v1/health first answers HTTP 200,
#           - the wall time until GET /api/v1/zones reports "count":11,
#         polling each every 100 ms with curl (times from `date +%s%N`). After a 10 s settle it
#         reads VmRSS (and the peak, VmHWM) from /proc/<pid>/status of the Karaf java process
#         (the java child of bin/karaf, not the shell script), then stops the node with bin/stop
#         (kill if still alive after 20 s).
#   warm  start the same unpacked node again (data/ kept: bundle cache, database) and measure the
#         same figures; then stop it and delete the directory.
# "Cold" means a fresh data/ directory, not a cold operating-system file cache: the files were just
# unpacked and are in the page cache for both kinds of run.
#
# A run fails when health 200 and the 11 zones are not both reached within BENCH_TIMEOUT seconds
# (default 120) of the launch, or when the node exits early.
#
# Output: a Markdown report on stdout (machine facts, one row per run, median/min/max);
# progress, and any ERROR line of the node's karaf.log, on stderr. Nothing is written outside the
# temporary directory, which is removed. On exit (also on Ctrl-C or TERM) every process this script
# started is stopped, by its pid.
#
# Environment (all optional):
#   BENCH_HTTP_PORT          HTTP port of the node (ONEDOOR_HTTP_PORT)     default 18080
#   BENCH_CLUSTER_PORT       Hazelcast member port (etc/org.onedoor.cluster.cfg)  default 15701
#   BENCH_SSH_PORT           Karaf SSH port (etc/org.apache.karaf.shell.cfg)      default 18101
#   BENCH_RMI_REGISTRY_PORT  JMX RMI registry port (etc/org.apache.karaf.management.cfg) default 11099
#   BENCH_RMI_SERVER_PORT    JMX RMI server port (same file)               default 44445
#   BENCH_TIMEOUT            seconds from launch before a run fails         default 120
#   BENCH_SETTLE             seconds to wait before reading the RSS         default 10
#   BENCH_KEEP               1: keep the temporary directories (for their data/log/karaf.log)
#
# Exit status: 0 when every run succeeded, 1 when a run failed, 2 on bad usage.

set -u -o pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$REPO_ROOT/karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz}"
RUNS="${2:-5}"

HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
CLUSTER_PORT="${BENCH_CLUSTER_PORT:-15701}"
SSH_PORT="${BENCH_SSH_PORT:-18101}"
RMI_REGISTRY_PORT="${BENCH_RMI_REGISTRY_PORT:-11099}"
RMI_SERVER_PORT="${BENCH_RMI_SERVER_PORT:-44445}"
TIMEOUT_S="${BENCH_TIMEOUT:-120}"
SETTLE_S="${BENCH_SETTLE:-10}"
KEEP="${BENCH_KEEP:-0}"
ADMIN_PASSWORD="bench-startup-admin"
EXPECTED_ZONES=11
STOP_GRACE_S=20

BASE_URL="http://127.0.0.1:${HTTP_PORT}"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------
# Arguments and tools
# ---------------------------------------------------------------------------------------------
[ -f "$DIST" ] || die "distribution not found: $DIST"
case "$RUNS" in ''|*[!0-9]*) die "RUNS must be a positive integer, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "RUNS must be at least 1"
for tool in tar curl awk sed grep sort date ps mktemp java; do
    command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
DIST="$(cd "$(dirname "$DIST")" && pwd)/$(basename "$DIST")"

# ---------------------------------------------------------------------------------------------
# Process bookkeeping and cleanup
# ---------------------------------------------------------------------------------------------
WORK_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/onedoor-bench.XXXXXX")" || die "mktemp failed"
LAUNCH_PID=""   # bin/karaf shell script of the node being measured
JAVA_PID=""     # its java child

# All descendants of a pid (children first level, then theirs), one per line.
descendants() {
    local parent="$1" child
    for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

# The Karaf java process started by the shell script $1 (empty if none yet).
find_java() {
    local pid
    for pid in $(descendants "$1"); do
        if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "java" ]; then
            echo "$pid"
            return 0
        fi
    done
    return 1
}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Wait up to $2 seconds for pid $1 to end; 0 if it ended.
wait_gone() {
    local pid="$1" deadline=$(( $(date +%s) + $2 ))
    while alive "$pid"; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.1
    done
    return 0
}

# Terminate the node's processes by their pids: TERM, then KILL after 5 s.
kill_node() {
    local pids="" pid
    if [ -n "$LAUNCH_PID" ]; then
        pids="$(descendants "$LAUNCH_PID" | tr '\n' ' ')"
    fi
    pids="$JAVA_PID $pids $LAUNCH_PID"
    for pid in $pids; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
    for pid in $pids; do
        if ! wait_gone "$pid" 5; then
            log "pid $pid ignores TERM; killing"
            kill -KILL "$pid" 2>/dev/null
            wait_gone "$pid" 5
        fi
    done
    if [ -n "$LAUNCH_PID" ]; then wait "$LAUNCH_PID" 2>/dev/null; fi
    LAUNCH_PID=""
    JAVA_PID=""
}

cleanup() {
    trap - EXIT INT TERM HUP
    kill_node
    if [ "$KEEP" = "1" ]; then
        log "kept $WORK_ROOT"
    else
        rm -rf "$WORK_ROOT"
    fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
now_ns() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports_free() {
    local port deadline=$(( $(date +%s) + 15 ))
    for port in "$HTTP_PORT" "$CLUSTER_PORT" "$SSH_PORT" "$RMI_REGISTRY_PORT" "$RMI_SERVER_PORT"; do
        while port_busy "$port"; do
            if [ "$(date +%s)" -ge "$deadline" ]; then
                log "port $port on 127.0.0.1 is in use; choose others with BENCH_*_PORT"
                return 1
            fi
            sleep 0.5
        done
    done
}

# Replace "key = old" by "key = new" in file; fail if the key is not found.
set_port() {
    local file="$1" key="$2" value="$3"
    grep -Eq "^[[:space:]]*${key}[[:space:]]*=" "$file" || { log "no '$key' in $file"; return 1; }
    sed -i -E "s/^([[:space:]]*${key}[[:space:]]*=[[:space:]]*).*/\1${value}/" "$file"
}

configure_ports() {
    local home="$1"
    set_port "$home/etc/org.onedoor.cluster.cfg" port "$CLUSTER_PORT" &&
    set_port "$home/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT" &&
    set_port "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT" &&
    set_port "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT"
}

http_code() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" 2>/dev/null; }

zone_count() {
    curl -s --max-time 2 "$BASE_URL/api/v1/zones" 2>/dev/null \
        | grep -o '"count"[[:space:]]*:[[:space:]]*[0-9]*' | head -n 1 | grep -o '[0-9]*$'
}

# Result of the last measure(): globals, so that failures can still be reported.
R_HEALTH="" R_ZONES="" R_RSS="" R_HWM="" R_STOP="" R_LOG="" R_STATUS=""

# measure HOME MODE: start the node in HOME, take the figures, stop it.
measure() {
    local home="$1" mode="$2" t0 t deadline code count log_lines=0 status_file
    R_HEALTH="" R_ZONES="" R_RSS="" R_HWM="" R_STOP="" R_LOG="" R_STATUS="ok"

    check_ports_free || { R_STATUS="FAIL: port in use"; return 1; }
    [ -f "$home/data/log/karaf.log" ] && log_lines=$(wc -l < "$home/data/log/karaf.log")

    t0=$(now_ns)
    ONEDOOR_HTTP_PORT="$HTTP_PORT" ONEDOOR_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        "$home/bin/karaf" server </dev/null >>"$home/bench-console.out" 2>&1 &
    LAUNCH_PID=$!
    deadline=$(( t0 + TIMEOUT_S * 1000000000 ))

    # 1. health answers 200
    while :; do
        code=$(http_code "$BASE_URL/api/v1/health")
        t=$(now_ns)
        [ "$code" = "200" ] && { R_HEALTH=$(secs $(( t - t0 ))); break; }
        alive "$LAUNCH_PID" || { R_STATUS="FAIL: node exited before health"; break; }
        [ "$t" -ge "$deadline" ] && { R_STATUS="FAIL: no health 200 in ${TIMEOUT_S} s"; break; }
        sleep 0.1
    done

    # 2. all zones listed
    if [ "$R_STATUS" = "ok" ]; then
        while :; do
            count=$(zone_count)
            t=$(now_ns)
            [ "${count:-0}" = "$EXPECTED_ZONES" ] && { R_ZONES=$(secs $(( t - t0 ))); break; }
            alive "$LAUNCH_PID" || { R_STATUS="FAIL: node exited before zones"; break; }
            [ "$t" -ge "$deadline" ] && { R_STATUS="FAIL: zones count ${count:-none} after ${TIMEOUT_S} s"; break; }
            sleep 0.1
        done
    fi

    # 3. resident memory of the java process after the settle time
    JAVA_PID=$(find_java "$LAUNCH_PID" || true)
    if [ "$R_STATUS" = "ok" ]; then
        if [ -z "$JAVA_PID" ]; then
            R_STATUS="FAIL: no java child of bin/karaf"
        else
            sleep "$SETTLE_S"
            status_file="/proc/$JAVA_PID/status"
            if [ -r "$status_file" ]; then
                R_RSS=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "$status_file")
                R_HWM=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "$status_file")
            else
                R_STATUS="FAIL: java exited during settle"
            fi
        fi
    fi

    # 4. stop: bin/stop, kill after STOP_GRACE_S
    t=$(now_ns)
    if alive "$LAUNCH_PID"; then
        "$home/bin/stop" >>"$home/bench-console.out" 2>&1
        local target="${JAVA_PID:-$LAUNCH_PID}"
        if wait_gone "$target" "$STOP_GRACE_S"; then
            R_STOP=$(secs $(( $(now_ns) - t )))
        else
            log "node did not stop within ${STOP_GRACE_S} s; killing"
            R_STOP="killed"
        fi
    fi
    kill_node

    # 5. problems logged during this start
    if [ -f "$home/data/log/karaf.log" ]; then
        R_LOG=$(tail -n +"$(( log_lines + 1 ))" "$home/data/log/karaf.log" \
            | awk -F'|' '$2 ~ /ERROR/ { e++ } $2 ~ /WARN/ { w++ } END { printf "%d / %d", e, w }')
        # show the ERROR lines on stderr, so that a run's problems are not lost with its directory
        tail -n +"$(( log_lines + 1 ))" "$home/data/log/karaf.log" \
            | awk -F'|' -v mode="$mode" '$2 ~ /ERROR/ { print "  [" mode " ERROR] " substr($0, 1, 400) }' >&2
    fi
    if [ "$R_STATUS" != "ok" ]; then
        log "$mode run failed ($R_STATUS); last lines of karaf.log:"
        tail -n 15 "$home/data/log/karaf.log" 2>/dev/null | cut -c1-240 >&2
        return 1
    fi
    return 0
}

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
mem_total_mib=$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
[ -n "$cpu_model" ] || cpu_model=$(awk -F': *' '/^(Hardware|cpu model|Processor)/ { print $2; exit }' /proc/cpuinfo)
java_version=$(java -version 2>&1 | tr '\n' ';' | sed 's/;$//; s/;/; /g')
dist_sha=$(sha256sum "$DIST" 2>/dev/null | cut -c1-12)

echo "# OneDoor hall node start-up benchmark"
echo
echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "- nproc: $(nproc)"
echo "- CPU: ${cpu_model:-unknown}"
echo "- memory: ${mem_total_mib} MiB"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: ${java_version}"
echo "- distribution: $(basename "$DIST") (sha256 ${dist_sha:-?}, $(du -h "$DIST" | cut -f1))"
echo "- runs: ${RUNS} cold + ${RUNS} warm; poll every 100 ms; RSS read ${SETTLE_S} s after the zones are listed"
echo

ROWS=""
COLD_H="" COLD_Z="" COLD_R="" WARM_H="" WARM_Z="" WARM_R=""
FAILED=0

add_row() {
    local run="$1" mode="$2"
    ROWS+="| ${run} | ${mode} | ${R_HEALTH:--} | ${R_ZONES:--} | ${R_RSS:--} | ${R_HWM:--} | ${R_STOP:--} | ${R_LOG:--} | ${R_STATUS} |"$'\n'
    if [ "$R_STATUS" = "ok" ]; then
        if [ "$mode" = "cold" ]; then
            COLD_H+="$R_HEALTH "; COLD_Z+="$R_ZONES "; COLD_R+="$R_RSS "
        else
            WARM_H+="$R_HEALTH "; WARM_Z+="$R_ZONES "; WARM_R+="$R_RSS "
        fi
    else
        FAILED=$(( FAILED + 1 ))
    fi
}

for run in $(seq 1 "$RUNS"); do
    run_dir="$WORK_ROOT/run-$run"
    mkdir -p "$run_dir"
    log "run $run/$RUNS: unpacking into $run_dir"
    if ! tar -xzf "$DIST" -C "$run_dir"; then
        R_HEALTH="" R_ZONES="" R_RSS="" R_HWM="" R_STOP="" R_LOG="" R_STATUS="FAIL: unpack"
        add_row "$run" cold
        continue
    fi
    home=""
    for candidate in "$run_dir"/*/; do
        if [ -x "${candidate}bin/karaf" ]; then home="${candidate%/}"; break; fi
    done
    if [ -z "$home" ] || ! configure_ports "$home"; then
        R_HEALTH="" R_ZONES="" R_RSS="" R_HWM="" R_STOP="" R_LOG="" R_STATUS="FAIL: layout"
        add_row "$run" cold
        continue
    fi

    log "run $run/$RUNS: cold start"
    measure "$home" cold
    add_row "$run" cold
    log "run $run/$RUNS: cold health ${R_HEALTH:--} s, zones ${R_ZONES:--} s, RSS ${R_RSS:--} MiB, ${R_STATUS}"

    log "run $run/$RUNS: warm start"
    measure "$home" warm
    add_row "$run" warm
    log "run $run/$RUNS: warm health ${R_HEALTH:--} s, zones ${R_ZONES:--} s, RSS ${R_RSS:--} MiB, ${R_STATUS}"

    [ "$KEEP" = "1" ] || rm -rf "$run_dir"
done

echo "## Runs"
echo
echo "Times are seconds from launching \`bin/karaf server\`. RSS is VmRSS of the Karaf java process,"
echo "peak is its VmHWM, both in MiB. Stop is the time from \`bin/stop\` until the java process ended."
echo "Log counts ERROR / WARN lines written to data/log/karaf.log from that launch to the end of its stop."
echo
echo "| run | mode | health 200 (s) | ${EXPECTED_ZONES} zones (s) | RSS (MiB) | peak RSS (MiB) | stop (s) | log ERROR / WARN | result |"
echo "|----:|------|---------------:|---------------:|----------:|---------------:|---------:|-----------------:|--------|"
printf '%s' "$ROWS"
echo

# median / min / max of a space-separated list of numbers
stats() {
    if [ -z "${1// /}" ]; then echo "- | - | -"; return; fi
    echo "$1" | tr ' ' '\n' | grep -v '^$' | sort -g | awk -v digits="$2" '
        { v[NR] = $1 }
        END {
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            fmt = "%." digits "f | %." digits "f | %." digits "f\n"
            printf fmt, med, v[1], v[NR]
        }'
}

echo "## Summary (successful runs)"
echo
echo "| figure | median | min | max |"
echo "|--------|-------:|----:|----:|"
echo "| cold: health 200 (s) | $(stats "$COLD_H" 2) |"
echo "| cold: ${EXPECTED_ZONES} zones (s) | $(stats "$COLD_Z" 2) |"
echo "| cold: RSS (MiB) | $(stats "$COLD_R" 0) |"
echo "| warm: health 200 (s) | $(stats "$WARM_H" 2) |"
echo "| warm: ${EXPECTED_ZONES} zones (s) | $(stats "$WARM_Z" 2) |"
echo "| warm: RSS (MiB) | $(stats "$WARM_R" 0) |"
echo
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$FAILED" -eq 0 ] || echo "- failed runs: ${FAILED}"

[ "$FAILED" -eq 0 ]
