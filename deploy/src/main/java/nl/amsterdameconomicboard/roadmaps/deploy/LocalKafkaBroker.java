package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Apache Kafka's own broker in KRaft mode (each node broker and controller), for the local platform.
 * Usage: {@code LocalKafkaBroker <port> <data dir>} for one node; {@code LocalKafkaBroker <port> <data dir> <node id>
 * <voters>} for a node of a cluster, the voters as Kafka writes them ({@code 1@127.0.0.1:9093,2@127.0.0.1:9095,…}).
 * The controller listens on port + 1. Data survives restarts: one node's under {@code <data dir>/logs}, a cluster's
 * under {@code <data dir>/cluster-of-<n>/node-<id>}, apart, so that switching between them loses neither.
 * <p>
 * A cluster keeps each topic on three brokers ({@link PlatformSettings#kafkaReplicas}) and acknowledges a write
 * (acks=all) once two have it ({@code min.insync.replicas=2}): one broker may fail without losing an acknowledged
 * write or stopping the producers. Its own topics (consumer offsets, transactions) are replicated alike.
 * <p>
 * Nobody gets in anonymously. Services sign in with SASL/SCRAM-SHA-512 as their own users, with ACLs
 * ({@link KafkaUsers}, given by the launcher once the broker runs). The broker's own principal, the only super user,
 * signs in with SASL/PLAIN, configured here with its one user: it works before any SCRAM credential exists (a fresh
 * or an older data directory), for the controller, between broker and controller, and for the launcher. Loopback
 * only, no TLS: a production cluster adds TLS (see the README).
 */
public final class LocalKafkaBroker {

    private static final String CLUSTER_ID = "cluster.id";

    private LocalKafkaBroker() {
    }

    /** Where the nodes of a cluster of {@code brokers} keep their data, next to the one node's. */
    static Path clusterDir(Path dataDir, int brokers) {
        return dataDir.resolve("cluster-of-" + brokers);
    }

    /** The cluster's id, made once by the launcher before the nodes start: every node's storage is formatted with it. */
    static void prepareCluster(Path dataDir, int brokers) throws IOException {
        Path id = clusterDir(dataDir, brokers).resolve(CLUSTER_ID);
        if (!Files.exists(id)) {
            Files.createDirectories(id.getParent());
            Files.writeString(id, Uuid.randomUuid().toString());
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]).toAbsolutePath();
        boolean cluster = args.length > 2;
        int nodeId = cluster ? Integer.parseInt(args[2]) : 1;
        String voters = cluster ? args[3] : nodeId + "@127.0.0.1:" + (port + 1);
        int brokers = voters.split(",").length;
        Path nodeDir = cluster ? clusterDir(dataDir, brokers).resolve("node-" + nodeId) : dataDir;
        Path logDir = nodeDir.resolve("logs");
        Files.createDirectories(logDir);
        int replicas = Math.min(brokers, 3);
        String minInSync = Integer.toString(Math.max(1, replicas - 1));

        String password = KafkaUsers.in(dataDir).password(KafkaUsers.BROKER);
        Properties config = new Properties();
        config.put("node.id", Integer.toString(nodeId));
        config.put("process.roles", "broker,controller");
        config.put("listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1));
        config.put("advertised.listeners", "CLIENTS://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "CLIENTS");
        config.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("listener.name.clients.sasl.enabled.mechanisms", KafkaUsers.MECHANISM + ",PLAIN");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        // PLAIN knows one user, the broker, which signs in as itself; everybody else is a SCRAM user
        String brokerLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaUsers.BROKER
                + "\" password=\"" + password + "\" user_" + KafkaUsers.BROKER + "=\"" + password + "\";";
        config.put("listener.name.clients.plain.sasl.jaas.config", brokerLogin);
        config.put("listener.name.controller.plain.sasl.jaas.config", brokerLogin);
        // SCRAM's users and salted passwords are in the metadata log, not here
        config.put("listener.name.clients.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + KafkaUsers.BROKER);
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("controller.quorum.voters", voters);
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", "3");
        config.put("default.replication.factor", Integer.toString(replicas));
        config.put("min.insync.replicas", minInSync);
        config.put("offsets.topic.replication.factor", Integer.toString(replicas));
        config.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        config.put("transaction.state.log.min.isr", minInSync);
        config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        config.put("share.coordinator.state.topic.min.isr", minInSync);
        // a replica that fell behind never becomes leader: an acknowledged write is never lost to a failover
        config.put("unclean.leader.election.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        // topics are declared by the services with their settings (retention!), never created on first use
        config.put("auto.create.topics.enable", "false");
        // the log cleaner's key map for compacted topics takes 128 MB of heap by default, most of the broker's live heap
        // here; 16 MB hold over 600,000 keys per cleaning, far more than the local platform's compacted topics have
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 << 20));
        Path configFile = nodeDir.resolve("server.properties");
        if (!Files.exists(configFile)) {
            Files.createFile(configFile);
        }
        KafkaUsers.ownerOnly(configFile); // it holds the broker's password
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "Generated by the local platform launcher");
        }

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            String clusterId = cluster ? Files.readString(clusterDir(dataDir, brokers).resolve(CLUSTER_ID)).strip() : Uuid.randomUuid().toString();
            int formatted = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()}, System.out);
            if (formatted != 0) {
                throw new IOException("Formatting the Kafka storage in " + logDir + " failed");
            }
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        server.startup();
        server.awaitShutdown();
    }
}
