package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaUsersTest {

    @TempDir
    Path dataDir;

    private final ChallengeRegistry registry = PlatformSettings.fromEnvironment(Path.of("/repo"), name -> null).registry();

    @Test
    void everyServiceOfTheRegistryHasItsOwnUserAndThePasswordsStayWithTheDataDirectoryReadableByItsOwnerOnly() throws IOException {
        assertThat(KafkaUsers.users(registry)).containsExactly("broker", "circular-service", "mobility-service", "health-service",
                "digital-service", "talent-service", "scorecard-service");

        KafkaUsers users = KafkaUsers.in(dataDir);
        String circular = users.password("circular-service");
        assertThat(circular).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(users.password("mobility-service"));
        assertThat(KafkaUsers.in(dataDir).password("circular-service")).as("read again from the data directory").isEqualTo(circular);
        assertThat(KafkaUsers.in(Files.createDirectory(dataDir.resolve("other"))).password("circular-service")).isNotEqualTo(circular);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("users.properties")))).isEqualTo("rw-------");

        assertThat(users.serviceEnvironment("circular-service"))
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"circular-service\" password=\"" + circular + "\";");
    }

    @Test
    void onlyChallengeServicesWriteTheRoadmapTopicsAndOnlyTheScorecardReadsThemAndWritesTheirDeadLetters() {
        List<AclBinding> acls = KafkaUsers.acls(registry);
        assertThat(acls).allSatisfy(acl -> {
            assertThat(acl.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(acl.entry().principal()).isNotEqualTo("User:ANONYMOUS").doesNotContain("*");
        });
        for (String topic : RoadmapTopics.ALL) {
            assertThat(principals(acls, topic, AclOperation.WRITE)).containsExactlyInAnyOrder("User:circular-service", "User:mobility-service",
                    "User:health-service", "User:digital-service", "User:talent-service");
            assertThat(principals(acls, topic, AclOperation.READ)).containsExactly("User:scorecard-service");
            assertThat(principals(acls, topic + "-dlt", AclOperation.WRITE)).containsExactly("User:scorecard-service");
            assertThat(principals(acls, topic, AclOperation.ALTER_CONFIGS)).doesNotContain("User:scorecard-service");
        }
        assertThat(acls.stream().filter(acl -> acl.pattern().resourceType() == ResourceType.GROUP))
                .singleElement().satisfies(acl -> {
                    assertThat(acl.pattern().name()).isEqualTo("scorecard");
                    assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat(acl.entry().principal()).isEqualTo("User:scorecard-service");
                });
    }

    /** Who may do {@code operation} on the topic {@code name}, through a literal or a prefixed ACL. */
    private static Set<String> principals(List<AclBinding> acls, String name, AclOperation operation) {
        return acls.stream()
                .filter(acl -> acl.pattern().resourceType() == ResourceType.TOPIC && acl.entry().operation() == operation)
                .filter(acl -> acl.pattern().patternType() == PatternType.LITERAL ? acl.pattern().name().equals(name)
                        : name.startsWith(acl.pattern().name()))
                .map(acl -> acl.entry().principal()).collect(Collectors.toSet());
    }
}
