#!/usr/bin/env bash
#
# Fault campaign of a three-node OneDoor hall: kill -9 of a random node, SIGSTOP/SIGCONT of a node
# past the failure detection, PostgreSQL restarts and full hall restarts (power cuts), one after the
# other, under load (tax tickets issued with idempotency keys, windows 137/138 calling them, one
# screen stream per node); then the checker's verdict on the history (itests FaultCampaignIT,
# FaultChecker). The hall runs on a PostgreSQL instance of the campaign's own (initdb into /tmp,
# its own port), so restarting it disturbs no other database user.
#
# Usage:  bash bench/faults.sh
# Environment (all optional):
#   FAULTS_KILLS (30) FAULTS_PAUSES (3) FAULTS_PG_RESTARTS (3) FAULTS_HALL_RESTARTS (2)
#   FAULTS_PAUSE_SECONDS (12) FAULTS_RECOVERY_LIMIT (180 s) FAULTS_SEED (12)
#   FAULTS_MAVEN_REPO  local Maven repository (-Dmaven.repo.local)
# Needs the reactor installed (mvn install -DskipTests). Output: itests/target/faults/report.md
# (also printed) and history.jsonl; exit status 0 when the checker passed.
set -u -o pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS=(-B -pl itests verify -Dit.test=FaultCampaignIT
      "-Dfaults.kills=${FAULTS_KILLS:-30}" "-Dfaults.pauses=${FAULTS_PAUSES:-3}"
      "-Dfaults.pgRestarts=${FAULTS_PG_RESTARTS:-3}" "-Dfaults.hallRestarts=${FAULTS_HALL_RESTARTS:-2}"
      "-Dfaults.pauseSeconds=${FAULTS_PAUSE_SECONDS:-12}" "-Dfaults.recoveryLimitSeconds=${FAULTS_RECOVERY_LIMIT:-180}"
      "-Dfaults.seed=${FAULTS_SEED:-12}")
[ -n "${FAULTS_MAVEN_REPO:-}" ] && ARGS+=("-Dmaven.repo.local=$FAULTS_MAVEN_REPO")
(cd "$REPO_ROOT" && mvn "${ARGS[@]}") >&2
status=$?
cat "$REPO_ROOT/itests/target/faults/report.md" 2>/dev/null
exit $status
