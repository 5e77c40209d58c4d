#!/usr/bin/env bash
#
# Queue benchmark of OneDoor hall nodes: tickets issued per second and call-next latency, on one
# node (embedded H2) and on three nodes (shared PostgreSQL, Hazelcast cluster on 127.0.0.1), each
# beside a baseline measured in the same run.
#
# Usage:
#   bash bench/queue.sh [RUNS]
#
#   RUNS  how many times the four configurations are measured, one after the other; default 1
#
# The four configurations of a run, in this order:
#   baseline-1  one baseline process (bench/baseline, the fair baseline: a bare Vert.x route doing one
#               Hazelcast map write and one committed row insert into an embedded H2 file database)
#   onedoor-1   one hall node from the distribution tar.gz, embedded H2 database (the default store)
#   baseline-3  three baseline processes forming one Hazelcast cluster, inserting into one fresh
#               PostgreSQL database shared by the three
#   onedoor-3   three hall nodes, one Hazelcast cluster, one fresh PostgreSQL database shared by the three
#
# For each configuration: start the processes, wait until every one answers GET /api/v1/health with
# the expected number of cluster members (hall nodes: and 11 open zones), then run the load driver
# (bench/driver/QueueLoad.java) twice:
#   tickets  BENCH_CLIENTS clients loop POST /api/v1/tickets {"zone":"tax"} (clients spread over the
#            processes), BENCH_WARMUP s unrecorded, then BENCH_DURATION s recorded;
#   calls    one client per tax window 137-152 (windows spread over the processes): sign in once,
#            then loop call-next + complete; same warm-up and duration. It consumes the tickets issued
#            by the tickets phase; when the queue runs empty the phase ends early (measured seconds
#            shown in the table, "empty" = 1).
#   depth    (hall nodes) call-next cost against the queue's length: zone provident-fund is filled to
#            BENCH_DEPTHS waiting tickets in turn (10, 1000, 10000); at each, window 41 times
#            BENCH_DEPTH_SAMPLES call-nexts, each after one untimed ticket so the length stays put,
#            while the tax queue of the tickets phase still waits (other zones must not matter).
#   wide     (BENCH_WIDE=1) call-next with all 192 windows of the default hall calling at once, windows
#            spread over the processes: each zone is first filled with BENCH_FILL tickets per window (untimed,
#            16 clients); a window whose zone runs empty keeps calling (empty_calls). The baseline answers
#            the same 192 windows.
#   halls    (hall nodes, BENCH_HALLS > 1) the tax windows 137-152 of every hall calling at once
#            (16 x BENCH_HALLS windows, /api/v1/halls/{hall}/windows/...), after filling each hall's tax
#            zone with BENCH_FILL tickets per window; compare with the calls phase (one hall's 16 windows).
# then stop the processes (hall nodes: bin/stop, killed after 30 s), count ERROR / WARN lines in each
# node's data/log/karaf.log (ERROR lines are copied to stderr) and remove the directories.
#
# Builds what it needs when it is missing: the distribution (mvn install -DskipTests in the
# repository) and the baseline jar (mvn -f bench/baseline/pom.xml package); BENCH_BUILD=1 rebuilds
# both. The driver is compiled with javac into the temporary directory.
#
# Output: a Markdown report on stdout (machine facts, one row per run and configuration, a summary
# with medians and the ratio to the baseline of the same run); progress and the nodes' ERROR lines
# on stderr. On exit (also on Ctrl-C or TERM) every process this script started is stopped by its
# pid, the PostgreSQL databases it created are dropped and its temporary directory is removed.
#
# Environment (all optional):
#   BENCH_DIST          distribution tar.gz  default karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz
#   BENCH_MAVEN_REPO    local Maven repository for the builds (-Dmaven.repo.local)   default: Maven's own
#   BENCH_BUILD         1: rebuild the distribution and the baseline first            default 0
#   BENCH_CLIENTS       concurrent clients of the tickets phase                       default 16
#   BENCH_WARMUP        seconds of unrecorded load before each measurement            default 5
#   BENCH_DURATION      seconds of recorded load per phase                            default 20
#   BENCH_DEPTHS        queue lengths of the depth phase, comma-separated              default 10,1000,10000
#   BENCH_DEPTH_SAMPLES call-nexts timed at each length                               default 200
#   BENCH_HEAP          maximum heap of every node and baseline process               default 512M
#   BENCH_TIMEOUT       seconds for the processes of a configuration to become healthy default 240
#   BENCH_HTTP_PORT     first HTTP port (process i uses +i-1)                         default 18181
#   BENCH_CLUSTER_PORT  first Hazelcast port (process i uses +i-1)                    default 15801
#   BENCH_PG            PostgreSQL host:port (user postgres, trust authentication)    default 127.0.0.1:5432
#   BENCH_KEEP          1: keep the temporary directory (the nodes' data/log/karaf.log)
#   BENCH_CONFIGS       the configurations measured, in order    default "baseline:1 onedoor:1 baseline:3 onedoor:3"
#   BENCH_HALLS         halls on every hall node: the default hall and BENCH_HALLS-1 more (h02, h03, ...), each with
#                       the 11 zones and 192 windows of the default hall (etc/org.onedoor.hall.site-hNN.cfg)  default 20
#   BENCH_WIDE          1: also the wide phases (see below)                            default 1
#   BENCH_FILL          tickets per window filled before each wide phase               default 40
#
# Exit status: 0 when every configuration was measured, 1 when one failed, 2 on bad usage.

set -u -o pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-1}"

DIST="${BENCH_DIST:-$REPO_ROOT/karaf-assembly/target/onedoor-karaf-assembly-0.1.0-SNAPSHOT.tar.gz}"
BASELINE_JAR="$REPO_ROOT/bench/baseline/target/onedoor-bench-baseline.jar"
DRIVER_SRC="$REPO_ROOT/bench/driver/QueueLoad.java"
MAVEN_REPO="${BENCH_MAVEN_REPO:-}"
BUILD="${BENCH_BUILD:-0}"
CLIENTS="${BENCH_CLIENTS:-16}"
WARMUP_S="${BENCH_WARMUP:-5}"
DURATION_S="${BENCH_DURATION:-20}"
DEPTHS="${BENCH_DEPTHS:-10,1000,10000}"
DEPTH_SAMPLES="${BENCH_DEPTH_SAMPLES:-200}"
HEAP="${BENCH_HEAP:-512M}"
TIMEOUT_S="${BENCH_TIMEOUT:-240}"
HTTP_BASE="${BENCH_HTTP_PORT:-18181}"
CLUSTER_BASE="${BENCH_CLUSTER_PORT:-15801}"
PG="${BENCH_PG:-127.0.0.1:5432}"
KEEP="${BENCH_KEEP:-0}"
CONFIGS="${BENCH_CONFIGS:-baseline:1 onedoor:1 baseline:3 onedoor:3}"
HALLS="${BENCH_HALLS:-20}"
WIDE="${BENCH_WIDE:-1}"
FILL="${BENCH_FILL:-40}"

PG_HOST="${PG%:*}"
PG_PORT="${PG##*:}"
ZONE="tax"
WINDOWS="137-152"          # the tax windows
OPERATOR="benchop"
OPERATOR_PASSWORD="bench-Queue-op-1"
ADMIN_PASSWORD="bench-Queue-admin-1"
STOP_GRACE_S=30

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 2; }

# ---------------------------------------------------------------------------------------------
# Arguments and tools
# ---------------------------------------------------------------------------------------------
case "$RUNS" in ''|*[!0-9]*) die "RUNS must be a positive integer, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] || die "RUNS must be at least 1"
for tool in tar curl awk sed grep sort date ps mktemp java javac mvn psql python3; do
    command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool"
done
MVN_ARGS=(-B -q)
[ -n "$MAVEN_REPO" ] && MVN_ARGS+=("-Dmaven.repo.local=$MAVEN_REPO")

# ---------------------------------------------------------------------------------------------
# Process bookkeeping and cleanup
# ---------------------------------------------------------------------------------------------
WORK_ROOT="$(mktemp -d "${TMPDIR:-/tmp}/onedoor-queue-bench.XXXXXX")" || die "mktemp failed"
PIDS=()        # launcher pids of the running processes (bin/karaf scripts or baseline java)
HOMES=()       # their directories (hall nodes: the unpacked distribution)
DATABASES=()   # PostgreSQL databases created by this script

# All descendants of a pid, one per line.
descendants() {
    local parent="$1" child
    for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
        echo "$child"
        descendants "$child"
    done
}

alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

# Wait up to $2 seconds for pid $1 to end; 0 if it ended.
wait_gone() {
    local pid="$1" deadline=$(( $(date +%s) + $2 ))
    while alive "$pid"; do
        [ "$(date +%s)" -ge "$deadline" ] && return 1
        sleep 0.2
    done
    return 0
}

# Terminate pid $1 and its descendants: TERM, then KILL after 10 s.
kill_tree() {
    local pids pid
    pids="$(descendants "$1" | tr '\n' ' ') $1"
    for pid in $pids; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
    for pid in $pids; do
        if ! wait_gone "$pid" 10; then
            log "pid $pid ignores TERM; killing"
            kill -KILL "$pid" 2>/dev/null
            wait_gone "$pid" 5
        fi
    done
    wait "$1" 2>/dev/null
}

# Stop every running process of the current configuration: hall nodes with bin/stop, then by pid.
stop_all() {
    local i stops=() wait_until
    for i in "${!PIDS[@]}"; do
        if alive "${PIDS[$i]}" && [ -x "${HOMES[$i]}/bin/stop" ]; then
            "${HOMES[$i]}/bin/stop" >>"${HOMES[$i]}/bench-console.out" 2>&1 &
            stops+=("$!")
        fi
    done
    wait_until=$(( $(date +%s) + STOP_GRACE_S ))
    for i in "${!PIDS[@]}"; do
        # a hall node gets STOP_GRACE_S to stop after bin/stop; a baseline process is stopped by TERM at once
        if [ -x "${HOMES[$i]}/bin/stop" ]; then
            while alive "${PIDS[$i]}" && [ "$(date +%s)" -lt "$wait_until" ]; do sleep 0.2; done
        fi
        kill_tree "${PIDS[$i]}"
    done
    for i in "${stops[@]}"; do kill_tree "$i"; done
    PIDS=()
    HOMES=()
}

drop_databases() {
    local db
    for db in "${DATABASES[@]}"; do
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 \
            || log "could not drop database $db"
    done
    DATABASES=()
}

cleanup() {
    trap - EXIT INT TERM HUP
    stop_all
    drop_databases
    if [ "$KEEP" = "1" ]; then
        log "kept $WORK_ROOT"
    else
        rm -rf "$WORK_ROOT"
    fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM HUP

# ---------------------------------------------------------------------------------------------
# Build what is missing, compile the driver
# ---------------------------------------------------------------------------------------------
if [ "$BUILD" = "1" ] || [ ! -f "$DIST" ]; then
    log "building the distribution (mvn install -DskipTests)"
    (cd "$REPO_ROOT" && mvn "${MVN_ARGS[@]}" install -DskipTests) >&2 || die "build of the distribution failed"
fi
[ -f "$DIST" ] || die "distribution not found: $DIST"
if [ "$BUILD" = "1" ] || [ ! -f "$BASELINE_JAR" ]; then
    log "building the baseline (mvn -f bench/baseline/pom.xml package)"
    mvn "${MVN_ARGS[@]}" -f "$REPO_ROOT/bench/baseline/pom.xml" package >&2 || die "build of the baseline failed"
fi
[ -f "$BASELINE_JAR" ] || die "baseline jar not found: $BASELINE_JAR"
# the default hall's zones with their window counts: FILL tickets per window (the wide phase)
ZONE_FILL="$(python3 - "$REPO_ROOT" "$FILL" <<'PY'
import glob, json, sys
zs = [json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(sys.argv[1] + "/bundles/org.onedoor.zone.*/src/main/resources/onedoor/zone.json"))]
print(",".join("%s:%d" % (z["id"], len(z["windows"]) * int(sys.argv[2])) for z in zs))
PY
)"
mkdir -p "$WORK_ROOT/driver"
javac -d "$WORK_ROOT/driver" "$DRIVER_SRC" >&2 || die "the driver does not compile"

# ---------------------------------------------------------------------------------------------
# Starting processes
# ---------------------------------------------------------------------------------------------
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Members list for N processes: 127.0.0.1:p1,127.0.0.1:p2,...
members_of() {
    local n="$1" i list=""
    for i in $(seq 1 "$n"); do list+="${list:+,}127.0.0.1:$(( CLUSTER_BASE + i - 1 ))"; done
    echo "$list"
}

# Replace "key = ..." in a .cfg file, or append the line when the key is absent.
set_cfg() {
    local file="$1" key="$2" value="$3"
    if grep -Eq "^[[:space:]]*${key}[[:space:]]*=" "$file"; then
        # '|' as separator: values hold ':' and '/'
        sed -i -E "s|^([[:space:]]*${key}[[:space:]]*=).*|\1 ${value}|" "$file"
    else
        printf '\n%s = %s\n' "$key" "$value" >>"$file"
    fi
}

# start_node I N JDBC_URL: unpack node I of N, configure it, launch bin/karaf server.
start_node() {
    local i="$1" n="$2" url="$3" home="$WORK_ROOT/node-$1" etc
    mkdir -p "$home"
    tar -xzf "$DIST" -C "$home" --strip-components=1 || return 1
    etc="$home/etc"
    set_cfg "$etc/org.onedoor.web.cfg" port "$(( HTTP_BASE + i - 1 ))"
    set_cfg "$etc/org.onedoor.web.cfg" host "127.0.0.1"
    set_cfg "$etc/org.onedoor.hours.cfg" enforced false # the benchmark runs at any hour
    # the load driver is one client address: lift the per-address limit for requests without credentials
    set_cfg "$etc/org.onedoor.web.cfg" publicBurst 1000000
    set_cfg "$etc/org.onedoor.web.cfg" publicPerSecond 1000000
    set_cfg "$etc/org.onedoor.web.cfg" userBurst 1000000
    set_cfg "$etc/org.onedoor.web.cfg" userPerSecond 1000000
    set_cfg "$etc/org.onedoor.cluster.cfg" port "$(( CLUSTER_BASE + i - 1 ))"
    set_cfg "$etc/org.onedoor.cluster.cfg" nodeId "bench-node-$i"
    set_cfg "$etc/org.onedoor.cluster.cfg" members "$( [ "$n" -gt 1 ] && members_of "$n" )"
    set_cfg "$etc/org.onedoor.store.cfg" url "$url"
    set_cfg "$etc/org.onedoor.store.cfg" user "$( [ -n "$url" ] && echo postgres )"
    set_cfg "$etc/org.apache.karaf.shell.cfg" sshPort "$(( 18300 + i ))"
    set_cfg "$etc/org.apache.karaf.management.cfg" rmiRegistryPort "$(( 11300 + i ))"
    set_cfg "$etc/org.apache.karaf.management.cfg" rmiServerPort "$(( 44300 + i ))"
    # the other halls: the default hall's 11 zones, each hall numbering its own windows and tickets
    [ "$HALLS" -gt 1 ] && python3 - "$REPO_ROOT" "$etc" "$HALLS" <<'PY'
import glob, json, sys
root, etc, halls = sys.argv[1], sys.argv[2], int(sys.argv[3])
zones = [json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(root + "/bundles/org.onedoor.zone.*/src/main/resources/onedoor/zone.json"))]
for z in zones:
    z.pop("hallId", None)
for h in range(2, halls + 1):
    hid = "h%02d" % h
    # the file installer takes <pid>-<name>.cfg as a factory configuration (not <pid>~<name>.cfg; docs/queue.md "Halls")
    with open("%s/org.onedoor.hall.site-%s.cfg" % (etc, hid), "w", encoding="utf-8") as f:
        f.write("id = %s\nnameZh = %s\nnameEn = Bench hall %d\naddress = \nzones = %s\n"
                % (hid, "\\u6d4b\\u8bd5\\u5927\\u5385" + str(h), h, json.dumps(zones, ensure_ascii=True, separators=(",", ":"))))
PY
    # the operator who signs in at the windows
    printf '\n%s = %s,_g_:operatorgroup\n' "$OPERATOR" "$OPERATOR_PASSWORD" >>"$etc/users.properties"
    (cd "$home" && env -u ONEDOOR_HTTP_PORT JAVA_MAX_MEM="$HEAP" ONEDOOR_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        bin/karaf server </dev/null >>"$home/bench-console.out" 2>&1) &
    PIDS+=("$!")
    HOMES+=("$home")
}

# start_baseline I N JDBC_URL: one baseline process, member I of a cluster of N, inserting into
# JDBC_URL (empty: an H2 file database of its own, as a lone hall node has).
start_baseline() {
    local i="$1" n="$2" url="$3" home="$WORK_ROOT/baseline-$1" members="-"
    mkdir -p "$home"
    [ "$n" -gt 1 ] && members="$(members_of "$n")"
    [ -n "$url" ] || url="jdbc:h2:file:$home/bench;DB_CLOSE_ON_EXIT=FALSE"
    java "-Xmx$HEAP" -jar "$BASELINE_JAR" "$(( HTTP_BASE + i - 1 ))" "$(( CLUSTER_BASE + i - 1 ))" "$members" "bench-baseline-$i" \
        "$url" </dev/null >>"$home/baseline.out" 2>&1 &
    PIDS+=("$!")
    HOMES+=("$home")
}

# healthy PORT MEMBERS KIND: 0 when GET /api/v1/health answers 200 with MEMBERS members (hall nodes: 11 zones).
healthy() {
    local body
    body="$(curl -s --max-time 2 -f "http://127.0.0.1:$1/api/v1/health" 2>/dev/null)" || return 1
    printf '%s' "$body" | python3 -c '
import json, sys
d = json.load(sys.stdin)
ok = len(d.get("members", [])) == int(sys.argv[1]) and (sys.argv[2] != "onedoor" or (d.get("openZones") or 0) >= 11)
sys.exit(0 if ok else 1)' "$2" "$3" 2>/dev/null
}

# await_healthy N KIND: wait until the N processes are healthy; 1 on timeout or early exit.
await_healthy() {
    local n="$1" kind="$2" i deadline=$(( $(date +%s) + TIMEOUT_S ))
    for i in $(seq 1 "$n"); do
        until healthy "$(( HTTP_BASE + i - 1 ))" "$n" "$kind"; do
            alive "${PIDS[$(( i - 1 ))]}" || { log "$kind process $i exited early"; return 1; }
            [ "$(date +%s)" -ge "$deadline" ] && { log "$kind process $i not healthy within ${TIMEOUT_S} s"; return 1; }
            sleep 0.5
        done
    done
}

# ---------------------------------------------------------------------------------------------
# Measuring one configuration
# ---------------------------------------------------------------------------------------------
# Result fields of the last measure(), keyed by name (tickets_rps, calls_p50_ms, ...).
declare -A R

# field LINE KEY: value of key=value in the driver's result line.
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# measure KIND N: start N processes of KIND (onedoor|baseline), load them, stop them.
measure() {
    local kind="$1" n="$2" i url="" targets="" line db status="ok" errors=0 warns=0 e w f
    R=()
    for i in $(seq 1 "$n"); do
        port_busy "$(( HTTP_BASE + i - 1 ))" && { R[status]="FAIL: port $(( HTTP_BASE + i - 1 )) in use"; return 1; }
        targets+="${targets:+,}http://127.0.0.1:$(( HTTP_BASE + i - 1 ))"
    done

    # 1. start: a fresh PostgreSQL database for a multi-node hall (and its baseline); the first process
    #    first, so that it creates the schema before the others join
    if [ "$n" -gt 1 ]; then
        db="onedoor_bench_$(date +%s)_$$"
        psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE $db" >/dev/null \
            || { R[status]="FAIL: CREATE DATABASE"; return 1; }
        DATABASES+=("$db")
        url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db"
    fi
    for i in $(seq 1 "$n"); do
        if [ "$kind" = "onedoor" ]; then start_node "$i" "$n" "$url" || { R[status]="FAIL: unpack"; stop_all; return 1; }
        else start_baseline "$i" "$n" "$url"; fi
        if [ "$i" = 1 ] && [ "$n" -gt 1 ]; then
            local first_by=$(( $(date +%s) + TIMEOUT_S ))
            until healthy "$HTTP_BASE" 1 "$kind"; do
                alive "${PIDS[0]}" || break
                [ "$(date +%s)" -ge "$first_by" ] && break   # await_healthy below reports the failure
                sleep 0.5
            done
        fi
    done
    log "$kind x$n: started, waiting for health with $n member(s)"
    if ! await_healthy "$n" "$kind"; then
        R[status]="FAIL: not healthy"
    else
        # 2. tickets, then calls (which consume the tickets)
        log "$kind x$n: tickets phase"
        line="$(java -cp "$WORK_ROOT/driver" QueueLoad tickets targets="$targets" clients="$CLIENTS" zone="$ZONE" \
            warmup="$WARMUP_S" duration="$DURATION_S")" || status="FAIL: tickets phase"
        log "  $line"
        for f in rps p50_ms p99_ms failed; do R[tickets_$f]="$(field "$line" "$f")"; done
        # how many tax tickets wait when the calls phase begins (call-next sorts them; hall nodes only)
        if [ "$kind" = "onedoor" ]; then
            R[waiting]="$(curl -s --max-time 30 "http://127.0.0.1:$HTTP_BASE/api/v1/queue/snapshot?zone=$ZONE" \
                | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["waiting"]))' 2>/dev/null)"
        fi
        if [ "$kind" = "onedoor" ]; then
            # one sign-in per node before the 16 at once: the node hashes the clear password written into
            # users.properties on its first sign-in and rewrites the file, and a sign-in meanwhile is refused
            for i in $(seq 1 "$n"); do
                for _ in $(seq 1 20); do
                    curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
                        -d "{\"username\":\"$OPERATOR\",\"password\":\"$OPERATOR_PASSWORD\"}" \
                        "http://127.0.0.1:$(( HTTP_BASE + i - 1 ))/api/v1/auth/login" | grep -q 200 && break
                    sleep 1
                done
            done
        fi
        log "$kind x$n: calls phase (${R[waiting]:-?} tickets waiting)"
        line="$(java -cp "$WORK_ROOT/driver" QueueLoad calls targets="$targets" windows="$WINDOWS" \
            user="$OPERATOR" password="$OPERATOR_PASSWORD" warmup="$WARMUP_S" duration="$DURATION_S")" || status="FAIL: calls phase"
        log "  $line"
        for f in rps p50_ms p99_ms cp50_ms failed empty seconds; do R[calls_$f]="$(field "$line" "$f")"; done
        if [ "$kind" = "onedoor" ]; then
            log "$kind x$n: depth phase (call-next at $DEPTHS waiting in zone provident-fund)"
            line="$(java -cp "$WORK_ROOT/driver" QueueLoad depth targets="$targets" zone=provident-fund window=41 \
                depths="$DEPTHS" samples="$DEPTH_SAMPLES" user="$OPERATOR" password="$OPERATOR_PASSWORD")" || status="FAIL: depth phase"
            log "  $line"
            for f in $(printf '%s\n' $line | sed -n 's/=.*//p' | grep -E '^(d[0-9]|flat$|screen_)'); do R[depth_$f]="$(field "$line" "$f")"; done
        fi
        if [ "$WIDE" = "1" ]; then
            if [ "$kind" = "onedoor" ]; then
                log "$kind x$n: wide phase: filling the default hall's zones ($FILL tickets per window)"
                line="$(java -cp "$WORK_ROOT/driver" QueueLoad fill targets="$targets" clients=16 zones="$ZONE_FILL")" \
                    || status="FAIL: fill"
                log "  $line"
                R[fill_rps]="$(field "$line" rps)"
            fi
            log "$kind x$n: wide phase: 192 windows calling"
            line="$(java -cp "$WORK_ROOT/driver" QueueLoad calls targets="$targets" windows=1-192 onEmpty=wait \
                user="$OPERATOR" password="$OPERATOR_PASSWORD" warmup="$WARMUP_S" duration="$DURATION_S")" || status="FAIL: wide phase"
            log "  $line"
            for f in rps p50_ms p99_ms cp50_ms failed empty_calls; do R[wide_$f]="$(field "$line" "$f")"; done
            if [ "$kind" = "onedoor" ] && [ "$HALLS" -gt 1 ]; then
                local hall_list="" hall_windows="137-152" h
                for h in $(seq 2 "$HALLS"); do
                    hall_list+="${hall_list:+,}$(printf 'h%02d' "$h")"; hall_windows+=",$(printf 'h%02d' "$h")/137-152"
                done
                for _ in $(seq 1 60); do   # every hall's site configuration applied
                    curl -s --max-time 5 "http://127.0.0.1:$HTTP_BASE/api/v1/halls" | python3 -c '
import json, sys
sys.exit(0 if json.load(sys.stdin).get("count") == int(sys.argv[1]) else 1)' "$HALLS" 2>/dev/null && break
                    sleep 1
                done
                log "$kind x$n: halls phase: filling tax of $HALLS halls"
                line="$(java -cp "$WORK_ROOT/driver" QueueLoad fill targets="$targets" clients=16 halls="$hall_list" \
                    zones="tax:$(( 16 * FILL ))")" || status="FAIL: fill halls"
                log "  $line"
                log "$kind x$n: halls phase: tax windows of $HALLS halls calling"
                line="$(java -cp "$WORK_ROOT/driver" QueueLoad calls targets="$targets" windows="$hall_windows" onEmpty=wait \
                    user="$OPERATOR" password="$OPERATOR_PASSWORD" warmup="$WARMUP_S" duration="$DURATION_S")" || status="FAIL: halls phase"
                log "  $line"
                for f in rps p50_ms p99_ms failed empty_calls; do R[halls_$f]="$(field "$line" "$f")"; done
            fi
        fi
        R[status]="$status"
    fi

    # 3. stop, then what the hall nodes logged
    local homes=("${HOMES[@]}")
    stop_all
    if [ "$kind" = "onedoor" ]; then
        for i in "${!homes[@]}"; do
            f="${homes[$i]}/data/log/karaf.log"
            [ -f "$f" ] || continue
            e=$(awk -F'|' '$2 ~ /ERROR/ { n++ } END { print n + 0 }' "$f")
            w=$(awk -F'|' '$2 ~ /WARN/ { n++ } END { print n + 0 }' "$f")
            errors=$(( errors + e )); warns=$(( warns + w ))
            awk -F'|' -v node="node-$(( i + 1 ))" '$2 ~ /ERROR/ { print "  [" node " ERROR] " substr($0, 1, 400) }' "$f" | head -n 20 >&2
            # the kinds of WARN lines: logger and the start of the message, counted
            awk -F'|' '$2 ~ /WARN/ { m = $6; for (k = 7; k <= NF; k++) m = m "|" $k; gsub(/\[127\.0\.0\.1\]:[0-9]+ /, "", m)
                                     print "WARN" $4 "|" substr(m, 1, 110) }' "$f" \
                | sed -E 's/[[:space:]]+/ /g' | sort | uniq -c | sed "s/^/  [node-$(( i + 1 ))] /" >&2
        done
        R[log]="$errors / $warns"
    else
        R[log]="-"
    fi
    drop_databases
    [ "$KEEP" = "1" ] || rm -rf "${homes[@]}"
    [ "${R[status]}" = "ok" ]
}

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -q -c "SELECT 1" >/dev/null 2>&1 \
    || die "PostgreSQL does not answer on $PG (user postgres); the three-node configuration needs it"

mem_total_mib=$(awk '/^MemTotal:/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)
cpu_model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
java_version=$(java -version 2>&1 | head -n 2 | tr '\n' ';' | sed 's/;$//; s/;/; /g')
pg_version=$(psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -At -c "SHOW server_version" 2>/dev/null)

echo "# OneDoor queue benchmark"
echo
echo "- date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "- nproc: $(nproc); CPU: ${cpu_model:-unknown}; memory: ${mem_total_mib} MiB"
echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: ${java_version}"
echo "- PostgreSQL: ${pg_version:-?} on $PG"
echo "- distribution: $(basename "$DIST") (sha256 $(sha256sum "$DIST" | cut -c1-12))"
echo "- runs: $RUNS; per phase ${WARMUP_S} s warm-up + ${DURATION_S} s measured; tickets: $CLIENTS clients;"
echo "  calls: one client per window $WINDOWS; heap $HEAP per process"
echo

ROWS=""
WIDE_ROWS=""
DEPTH_ROWS=""
FAILED=0
declare -A SERIES   # "<config> <figure>" -> space-separated values over the runs

add() { SERIES["$1"]+="$2 "; }

for run in $(seq 1 "$RUNS"); do
    declare -A BASE=()
    for config in $CONFIGS; do
        kind="${config%:*}"; n="${config#*:}"
        log "run $run/$RUNS: $kind x$n"
        measure "$kind" "$n" || FAILED=$(( FAILED + 1 ))
        name="$kind-$n"
        ROWS+="| $run | $name | ${R[tickets_rps]:--} | ${R[tickets_p50_ms]:--} | ${R[tickets_p99_ms]:--} |"
        ROWS+=" ${R[waiting]:--} | ${R[calls_rps]:--} | ${R[calls_seconds]:--} | ${R[calls_p50_ms]:--} | ${R[calls_p99_ms]:--} | ${R[calls_cp50_ms]:--} |"
        ROWS+=" ${R[tickets_failed]:--} / ${R[calls_failed]:--} / ${R[calls_empty]:--} | ${R[log]:--} | ${R[status]} |"$'\n'
        if [ "$kind" = "onedoor" ]; then
            p50s=""; p99s=""
            for d in ${DEPTHS//,/ }; do p50s+="${R[depth_d${d}_p50_ms]:--} "; p99s+="${R[depth_d${d}_p99_ms]:--} "; done
            DEPTH_ROWS+="| $run | $name | $DEPTHS | ${p50s% } | ${p99s% } | ${R[depth_flat]:--} |"
            DEPTH_ROWS+=" ${R[depth_screen_p50_ms]:--} / ${R[depth_screen_p99_ms]:--} / ${R[depth_screen_missing]:--} |"$'\n'
        fi
        WIDE_ROWS+="| $run | $name | ${R[fill_rps]:--} | ${R[wide_rps]:--} | ${R[wide_p50_ms]:--} | ${R[wide_p99_ms]:--} |"
        WIDE_ROWS+=" ${R[wide_empty_calls]:--} | ${R[halls_rps]:--} | ${R[halls_p50_ms]:--} | ${R[halls_p99_ms]:--} |"
        WIDE_ROWS+=" ${R[halls_empty_calls]:--} | ${R[wide_failed]:--} / ${R[halls_failed]:--} |"$'\n'
        [ "${R[status]}" = "ok" ] || continue
        for f in tickets_rps tickets_p50_ms tickets_p99_ms calls_rps calls_p50_ms calls_p99_ms wide_rps wide_p50_ms wide_p99_ms; do
            [ -n "${R[$f]:-}" ] || continue
            add "$name $f" "${R[$f]}"
            if [ "$kind" = "baseline" ]; then
                BASE["$n $f"]="${R[$f]}"
            elif [ -n "${BASE["$n $f"]:-}" ]; then
                # ratio to the baseline of the same run and the same number of processes
                add "ratio-$n $f" "$(awk -v a="${R[$f]}" -v b="${BASE["$n $f"]}" 'BEGIN { if (b > 0) printf "%.3f", a / b }')"
            fi
        done
    done
    unset BASE
done

echo "## Runs"
echo
echo "Throughput in requests per second: tickets = POST /api/v1/tickets answered 201; calls = call-next that"
echo "called a ticket (each followed by a complete, not counted). Latencies in ms per request (p50 = median)."
echo "waiting = tax tickets waiting when the calls phase began (hall nodes; call-next sorts them)."
echo "calls s = seconds measured in the calls phase (shorter than the duration when the queue ran empty)."
echo "failed = non-2xx answers or errors (tickets / calls); empty = 1 when the calls phase ended on an empty queue."
echo "log = ERROR / WARN lines in the hall nodes' data/log/karaf.log over the whole start, load and stop."
echo
echo "| run | configuration | tickets/s | ticket p50 | ticket p99 | waiting | call-next/s | calls s | call-next p50 | call-next p99 | complete p50 | failed t / c / empty | log ERROR / WARN | result |"
echo "|----:|---------------|----------:|-----------:|-----------:|--------:|------------:|--------:|--------------:|--------------:|-------------:|---------------------:|-----------------:|--------|"
printf '%s' "$ROWS"
echo

# stats "values": median, min and max of numbers
stats() {
    printf '%s\n' $1 | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) { print "- | - | -"; exit }
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%s | %s | %s\n", med, v[1], v[NR]
        }'
}

echo "## Call-next against the queue's length (hall nodes)"
echo
echo "call-next p50 / p99 in ms at window 41 with the given number of tickets waiting in zone provident-fund"
echo "(one untimed ticket before each timed call keeps the length); flat = p50 at the longest / p50 at the shortest."
echo "screen = ms from a call-next's answer to its CALLED event on the event stream of the last node (another node"
echo "when there are three; negative: the event came first), p50 / p99 / calls whose event never came."
echo
echo "| run | configuration | lengths | p50 per length | p99 per length | flat | screen p50 / p99 / missing |"
echo "|----:|---------------|---------|----------------|----------------|-----:|---------------------------:|"
printf '%s' "$DEPTH_ROWS"
echo

echo "## 192 windows and $HALLS halls (wide and halls phases)"
echo
echo "fill/s = untimed tickets per second while filling the default hall's zones (16 clients, 11 zones, so issues of"
echo "different zones and group commits within a zone). wide = all 192 windows of the default hall calling; halls ="
echo "the tax windows 137-152 of each of the $HALLS halls calling (hall nodes only). call-next/s counts calls that"
echo "called a ticket; empty = call-nexts that found their zone empty (not counted)."
echo
echo "| run | configuration | fill/s | wide call-next/s | wide p50 | wide p99 | wide empty | halls call-next/s | halls p50 | halls p99 | halls empty | failed wide / halls |"
echo "|----:|---------------|-------:|-----------------:|---------:|---------:|-----------:|------------------:|----------:|----------:|------------:|--------------------:|"
printf '%s' "$WIDE_ROWS"
echo

echo "## Summary (successful runs)"
echo
echo "ratio = OneDoor / baseline, per run (same run, same number of processes), median over the runs."
echo
echo "| figure | nodes | OneDoor median | min | max | baseline median | ratio median |"
echo "|--------|------:|---------------:|----:|----:|----------------:|-------------:|"
for n in 1 3; do
    for f in tickets_rps tickets_p50_ms tickets_p99_ms calls_rps calls_p50_ms calls_p99_ms wide_rps wide_p50_ms wide_p99_ms; do
        base_med="$(stats "${SERIES["baseline-$n $f"]:-}" | cut -d'|' -f1 | tr -d ' ')"
        ratio_med="$(stats "${SERIES["ratio-$n $f"]:-}" | cut -d'|' -f1 | tr -d ' ')"
        echo "| $f | $n | $(stats "${SERIES["onedoor-$n $f"]:-}") | $base_med | $ratio_med |"
    done
done
echo
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$FAILED" -eq 0 ] || echo "- failed configurations: ${FAILED}"

[ "$FAILED" -eq 0 ]
