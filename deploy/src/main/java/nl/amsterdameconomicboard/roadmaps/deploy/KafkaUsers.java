package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local Kafka broker. LOCAL ONLY: the passwords are generated per data directory and kept in
 * {@code <data>/kafka/users.properties} (readable by its owner only); a production cluster has its own users and
 * ACLs (see the README), and a service given no credentials talks PLAINTEXT as before.
 * <p>
 * Every service has its own SCRAM-SHA-512 user, named like the service: a challenge service (one per registered
 * challenge) may write and declare the roadmap topics; the scorecard may read them (consumer groups {@code scorecard*})
 * and write and declare its dead-letter topics ({@code <topic>-dlt}); nobody else may do anything, and no anonymous
 * client gets in. {@value #BROKER} is the broker's own principal (controller and inter-broker), the only super user.
 */
public final class KafkaUsers {

    /** The broker's own principal and the launcher's: the only super user. */
    public static final String BROKER = "broker";
    public static final String SCORECARD = PlatformSettings.SCORECARD;
    static final String MECHANISM = "SCRAM-SHA-512";
    /** The scorecard's dead-letter topics are {@code <topic>-dlt} (its KafkaConsumerConfiguration). */
    static final String DEAD_LETTER_SUFFIX = "-dlt";
    /** The scorecard's consumer groups: {@code scorecard-service}, and others for a replay or a second scorecard. */
    static final String SCORECARD_GROUPS = "scorecard";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties passwords = new Properties();

    private KafkaUsers(Path file) {
        this.file = file;
    }

    /** The users of the broker whose data lives in {@code kafkaDir}; created with the first password asked for. */
    public static KafkaUsers in(Path kafkaDir) {
        KafkaUsers users = new KafkaUsers(kafkaDir.resolve("users.properties"));
        users.load();
        return users;
    }

    /** The user's password, generated and stored the first time. */
    public synchronized String password(String user) {
        String password = passwords.getProperty(user);
        if (password == null) {
            load(); // another process (a test adding a challenge) may have added users since
            password = passwords.getProperty(user);
        }
        if (password == null) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            passwords.setProperty(user, password);
            store();
        }
        return password;
    }

    /** The users this platform runs: the broker, one per registered challenge, the scorecard. */
    static List<String> users(ChallengeRegistry registry) {
        List<String> users = new ArrayList<>(List.of(BROKER)); // a SCRAM user too, for clients that speak only SCRAM
        registry.challenges().forEach(c -> users.add(c.service()));
        users.add(SCORECARD);
        return users;
    }

    /** What a Spring Boot service needs in its environment to sign in as {@code user} (Boot's relaxed binding). */
    public Map<String, String> serviceEnvironment(String user) {
        return Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", MECHANISM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", scramLogin(user, password(user)));
    }

    /** A Kafka client's properties to sign in as {@code user} on the broker's client listener. */
    public Map<String, Object> clientProperties(String bootstrap, String user) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password(user)));
        return properties;
    }

    /** An admin client as the broker's principal, the super user (PLAIN: it needs no SCRAM credential). */
    Admin brokerAdmin(String bootstrap) {
        return Admin.create(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, plainLogin(BROKER, password(BROKER)),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /**
     * Gives every user of the registry's platform its SCRAM credential and its ACLs, as the super user, then waits
     * until the broker signs the users in. Idempotent: run on every start, it also brings a data directory from before
     * Kafka had users, a challenge added to the registry, or a lost password file up to date (so no credential is
     * bootstrapped when the storage is formatted).
     */
    public void grant(String bootstrap, ChallengeRegistry registry) throws Exception {
        List<String> users = users(registry);
        try (Admin admin = brokerAdmin(bootstrap)) {
            List<UserScramCredentialAlteration> credentials = users.stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user)))
                    .toList();
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls(registry)).all().get(30, TimeUnit.SECONDS);
        }
        for (String broker : bootstrap.split(",")) {
            awaitSignIn(broker, users.get(users.size() - 1), Duration.ofSeconds(30)); // each broker of a cluster
        }
    }

    /** The credentials reach the broker through the metadata log: wait until the last user signs in. */
    private void awaitSignIn(String bootstrap, String user, Duration timeout) throws Exception {
        Map<String, Object> properties = clientProperties(bootstrap, user);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last;
        do {
            try (Admin admin = Admin.create(properties)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(300);
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("Kafka does not sign in " + user + " within " + timeout.toSeconds() + " s", last);
    }

    /** Only challenge services write the roadmap topics; only the scorecard reads them and writes their dead letters. */
    static List<AclBinding> acls(ChallengeRegistry registry) {
        List<AclBinding> acls = new ArrayList<>();
        for (Challenge challenge : registry.challenges()) {
            for (String topic : RoadmapTopics.ALL) {
                // declaring the topics with their settings (retention!) needs create and the configs
                allow(acls, challenge.service(), ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE,
                        AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);
            }
        }
        for (String topic : RoadmapTopics.ALL) {
            // the scorecard declares the topics too, so that nothing depends on who starts first; it cannot change them
            allow(acls, SCORECARD, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE,
                    AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS);
            allow(acls, SCORECARD, ResourceType.TOPIC, topic + DEAD_LETTER_SUFFIX, PatternType.PREFIXED, AclOperation.WRITE,
                    AclOperation.DESCRIBE, AclOperation.CREATE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS);
        }
        allow(acls, SCORECARD, ResourceType.GROUP, SCORECARD_GROUPS, PatternType.PREFIXED, AclOperation.READ);
        return acls;
    }

    private static void allow(List<AclBinding> acls, String user, ResourceType type, String name, PatternType pattern,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    static String plainLogin(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private void load() {
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                passwords.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Kafka users in " + file, e);
            }
        }
    }

    private void store() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
                ownerOnly(file);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                passwords.store(out, "Kafka users of the local platform (generated; LOCAL ONLY)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the Kafka users in " + file, e);
        }
    }

    /** Readable by its owner only, where the file system knows POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: the data directory's own permissions apply
        }
    }
}
