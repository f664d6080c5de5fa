#!/bin/sh
# Runs once when the Compose platform starts, as the brokers' super user: the roadmap topics and their dead-letter
# topics (3 replicas, min.insync.replicas 2, kept forever), a SCRAM-SHA-512 user per service and its ACLs: the
# challenge services write the roadmap topics, the scorecard reads them and writes the dead letters. Idempotent.
set -eu
bin=/opt/kafka/bin
bootstrap=kafka-1:19092,kafka-2:19092,kafka-3:19092
config=/tmp/broker.properties
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="%s";\n' \
  "$KAFKA_BROKER_PASSWORD" > "$config"
topics="roadmap.spearheads roadmap.milestones roadmap.indicators roadmap.initiatives"

tries=0
until "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" --list >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "the Kafka cluster did not answer within 2 minutes" >&2; exit 1; }
  sleep 2
done

for topic in $topics; do
  for name in "$topic" "$topic-dlt"; do
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$config" --create --if-not-exists \
      --topic "$name" --partitions 3 --replication-factor 3 --config min.insync.replicas=2 --config retention.ms=-1
  done
done

user() { # name, password
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$config" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" --entity-type users --entity-name "$1"
}
allow() { # principal, then kafka-acls arguments
  principal=$1; shift
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" --add --allow-principal "User:$principal" "$@" >/dev/null
}

for code in $CHALLENGES; do
  variable=$(echo "$code" | tr 'a-z' 'A-Z')_KAFKA_PASSWORD
  eval "password=\${$variable:?$variable is not set}"
  user "$code-service" "$password"
  for topic in $topics; do
    allow "$code-service" --operation Write --operation Describe --topic "$topic"
  done
done

user scorecard-service "$SCORECARD_KAFKA_PASSWORD"
for topic in $topics; do
  allow scorecard-service --operation Read --operation Describe --topic "$topic"
  allow scorecard-service --operation Write --operation Describe --topic "$topic-dlt"
done
allow scorecard-service --operation Read --group scorecard --resource-pattern-type prefixed
echo "Kafka topics, users and ACLs are in place."
