#!/bin/sh
# Creates every Kafka topic of libs/contracts/src/topics.ts with its partition count. deploy/test/compose.spec.ts
# runs this script and fails when the list differs from ALL_TOPICS, so add a topic to both places.
# Safe to re-run: existing topics are left as they are. Partition counts apply on creation only; raising one later
# is a deliberate `kafka-topics.sh --alter` because it moves keys to other partitions.
set -eu

BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVER:?KAFKA_BOOTSTRAP_SERVER (host:port) is required}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
REPLICATION_FACTOR="${KAFKA_REPLICATION_FACTOR:-1}"

create_topic() {
  "$KAFKA_BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor "$REPLICATION_FACTOR"
}

create_topic lep.case.lifecycle.v1 6
create_topic lep.case.decision.v1 6
create_topic lep.case.review.v1 3
create_topic lep.case.evaluation.v1 3
create_topic lep.case.record-anchor.v1 1
create_topic lep.evidence.stored.v1 3
create_topic lep.registry.disclosure.v1 3
create_topic lep.registry.inspection.v1 3
create_topic lep.registry.calendar.v1 1
create_topic lep.publication.disclosure.v1 6
create_topic lep.publication.portal.v1 3
create_topic lep.statistics.warning.v1 3
create_topic lep.statistics.report.v1 1

echo "LEP topics ready"
