package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortStopsTheStartBeforeAnythingRunsAndNamesPortAndComponent() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("."),
                    Map.of("PLATFORM_DATA_DIR", dataDir.toString(), "CIRCULAR_PORT", Integer.toString(port))::get);
            List<String> progress = new ArrayList<>();

            assertThatThrownBy(() -> new Platform(settings, progress::add).start())
                    .hasMessageContaining("port " + port + " (circular-service)");
            assertThat(progress).isEmpty();
            assertThat(Files.list(dataDir)).isEmpty();
        }
    }

    @Test
    void everyPortMovesWithItsVariableAndARealMongoReplacesTheStore() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), Map.of(
                "KAFKA_PORT", "19092", "GATEWAY_PORT", "18080", "SCORECARD_PORT", "18086",
                "MONGODB_URI", "mongodb://db.example:27017")::get);
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.port(PlatformSettings.GATEWAY)).isEqualTo(18080);
        assertThat(settings.port("scorecard-service")).isEqualTo(18086);
        assertThat(settings.port("circular-service")).isEqualTo(8081);
        assertThat(settings.mongoUri()).isEqualTo("mongodb://db.example:27017");
        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.data"));
    }
}
