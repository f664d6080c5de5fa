package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's jar as the build wrote it (the gateway's), extracted and archived as ./platform up does. */
class ClassDataSharingTest {

    @TempDir
    Path dataDir;
    private Path jar;
    private ClassDataSharing cds;

    @BeforeEach
    void copyTheGatewaysJar() throws IOException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        Path built = root.resolve("gateway/target/gateway.jar");
        assertThat(built).as("the gateway's jar, built before this module").exists();
        jar = Files.copy(built, dataDir.resolve("gateway.jar"));
        cds = new ClassDataSharing(Path.of(System.getProperty("java.home"), "bin", "java"), dataDir.resolve("data"));
    }

    @Test
    void theFirstStartRunsFromTheExtractedJarAndArchivesItsClassesWhenItStops() throws IOException {
        List<String> arguments = cds.arguments("gateway", jar);

        Path archive = dataDir.resolve("data/cds/gateway/gateway.jsa");
        assertThat(arguments).startsWith("-XX:ArchiveClassesAtExit=" + archive).endsWith("-jar", extracted().toString());
        try (JarFile extracted = new JarFile(extracted().toFile())) {
            String classPath = extracted.getManifest().getMainAttributes().getValue("Class-Path");
            assertThat(classPath).as("the libraries as plain jars beside it, which the JVM can archive").contains("lib/spring-core-");
        }
    }

    @Test
    void laterStartsMapTheArchive() throws IOException {
        cds.arguments("gateway", jar);
        Path archive = dataDir.resolve("data/cds/gateway/gateway.jsa");
        Files.writeString(archive, "classes"); // what the first run wrote when it stopped

        assertThat(cds.arguments("gateway", jar)).startsWith("-XX:SharedArchiveFile=" + archive);
    }

    @Test
    void aRebuiltJarIsExtractedAgainAndItsOldArchiveDropped() throws IOException {
        cds.arguments("gateway", jar);
        Path archive = dataDir.resolve("data/cds/gateway/gateway.jsa");
        Files.writeString(archive, "classes of the old build");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(cds.arguments("gateway", jar)).startsWith("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
        assertThat(extracted()).exists();
    }

    private Path extracted() {
        return dataDir.resolve("data/cds/gateway/extracted/gateway.jar");
    }
}
