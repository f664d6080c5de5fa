package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Components a test starts next to the shared platform from the built jars: a second gateway, another scorecard … */
final class ExtraComponents {

    private ExtraComponents() {
    }

    /** A JVM running {@code <module>/target/<module>.jar} as {@code name}, marked so that ./platform down finds it too. */
    static ComponentProcess jvm(String name, int port, String module, Map<String, String> env, PlatformSettings shared, Path dataDir) {
        Path jar = shared.root().resolve(module).resolve("target").resolve(module + ".jar");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(shared.javaOptions().strip().split("\\s+")));
        command.add(ComponentProcess.COMPONENT_MARKER + name);
        command.add(ComponentProcess.DATA_MARKER + dataDir);
        command.addAll(List.of("-jar", jar.toString()));
        return new ComponentProcess(name, port, command, env, dataDir, HealthCheck.http("http://127.0.0.1:" + port + "/actuator/health"),
                Duration.ofSeconds(120), dataDir);
    }

    static void awaitHealthy(ComponentProcess component) {
        await().atMost(component.startTimeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(component.isAlive()).as(component.name + " exited; last lines of its log:\n" + component.logTail(30)).isTrue();
            return component.health.healthy();
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
