package nl.amsterdameconomicboard.roadmaps.deploy;

import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.at;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.list;
import static nl.amsterdameconomicboard.roadmaps.deploy.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OCI images that {@code -Pimages} builds (module/target/module-image.tar), as a registry or a container engine
 * would see them: inspected with skopeo and unpacked with umoci, and the gateway's image run as a container runs it
 * (its own root file system, its user, its entrypoint) until its actuator says it is live. Reported as skipped in a
 * build without -Pimages.
 */
@EnabledIfSystemProperty(named = "images.built", matches = "true", disabledReason = "the images are built with -Pimages only")
class ServiceImagesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final String USER = "10001:10001";

    /** Each service with the main class and port its image must have. */
    static Stream<Object[]> images() {
        List<Object[]> images = new ArrayList<>();
        String challengeMain = "nl.amsterdameconomicboard.roadmaps.challenge.ChallengeServiceApplication";
        ChallengeRegistry.builtIn().challenges().forEach(c -> images.add(new Object[] {c.service(), challengeMain, c.port()}));
        images.add(new Object[] {"scorecard-service", "nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardServiceApplication", 8086});
        images.add(new Object[] {"gateway", "nl.amsterdameconomicboard.roadmaps.gateway.GatewayApplication", 8080});
        return images.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void runsItsMainClassAsAnUnprivilegedUserWithContainerFlagsPortAndLabels(String module, String mainClass, int port) throws Exception {
        Path tar = imageOf(module);
        Map<String, Object> config = inspect("--config", "oci-archive:" + tar);
        Map<String, Object> image = map(config.get("config"));

        assertThat(image.get("User")).isEqualTo(USER);
        List<Object> entrypoint = list(image.get("Entrypoint"));
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(mainClass);
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(map(image.get("ExposedPorts"))).containsOnlyKeys(port + "/tcp");
        assertThat(list(image.get("Env"))).contains("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true", "HEALTHCHECK_PORT=" + port);
        Map<String, Object> labels = map(image.get("Labels"));
        assertThat(labels).containsEntry("org.opencontainers.image.title", module)
                .containsEntry("org.opencontainers.image.version", "0.1.0-SNAPSHOT")
                .containsKeys("org.opencontainers.image.description", "org.opencontainers.image.created",
                        "org.opencontainers.image.base.name");
        assertThat((String) labels.get("org.opencontainers.image.revision")).matches("[0-9a-f]{40}");
        assertThat(config.get("os")).isEqualTo("linux");

        Map<String, Object> manifest = inspect("oci-archive:" + tar);
        assertThat(list(manifest.get("Layers"))).as("the base, then dependencies, resources and classes in their own layers")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void theGatewaysImageRunsAsItsUserAndAnswersItsProbes(@TempDir Path work) throws Exception {
        ExternalTool umoci = tool("umoci");
        ExternalTool skopeo = tool("skopeo");
        ExternalTool unshare = tool("unshare");
        assumeTrue("0".equals(tool("id").run(work, "-u").output().strip()), "running an unpacked image needs root (chroot)");
        ExternalTool.Result copied = skopeo.run(work, "copy", "--quiet", "oci-archive:" + imageOf("gateway"), "oci:" + work.resolve("layout") + ":gateway");
        assertThat(copied.succeeded()).as(copied.output()).isTrue();
        Path bundle = work.resolve("bundle");
        ExternalTool.Result unpacked = umoci.run(work, "unpack", "--image", work.resolve("layout") + ":gateway", bundle.toString());
        assertThat(unpacked.succeeded()).as(unpacked.output()).isTrue();
        Path rootfs = bundle.resolve("rootfs");

        assertThat(Files.readString(rootfs.resolve("etc/passwd"))).contains("roadmaps:x:10001:10001:");
        assertThat(Files.isExecutable(rootfs.resolve("usr/local/bin/healthcheck"))).isTrue();
        assertThat(rootfs.resolve("app/jib-classpath-file")).exists();

        // as a container engine would: its own file system and pid namespace, the image's user, env and entrypoint
        Map<String, Object> image = map(inspect("--config", "oci-archive:" + imageOf("gateway")).get("config"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(unshare.executable().toString(), "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc=" + rootfs.resolve("proc"), "chroot", "--userspec=" + USER, rootfs.toString(), "/usr/bin/env", "-i"));
        list(image.get("Env")).forEach(variable -> command.add(variable.toString()));
        MongoServer sessions = new MongoServer(new MemoryBackend());
        try {
            InetSocketAddress mongo = sessions.bind();
            command.addAll(List.of("SERVER_ADDRESS=127.0.0.1", "SERVER_PORT=" + port,
                    "MONGODB_URI=mongodb://127.0.0.1:" + mongo.getPort(), "GATEWAY_CLIENT_SECRET=image-test-only",
                    "/bin/sh", "-c", "cd " + image.get("WorkingDir") + " && exec \"$@\"", "entrypoint"));
            list(image.get("Entrypoint")).forEach(argument -> command.add(argument.toString()));
            Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
            try {
                assertThat(awaitLive(port, gateway)).as(Files.readString(work.resolve("gateway.log"))).isEqualTo(200);
                ExternalTool.Result health = tool("chroot").run(work, "--userspec=" + USER,
                        rootfs.toString(), "/usr/bin/env", "-i", "HEALTHCHECK_PORT=" + port, "/usr/local/bin/healthcheck");
                assertThat(health.succeeded()).as("the image's healthcheck: " + health.output()).isTrue();
            } finally {
                gateway.descendants().forEach(ProcessHandle::destroy); // the JVM stops gracefully; unshare follows
                gateway.destroy();
                gateway.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            sessions.shutdownNow();
        }
    }

    private static int awaitLive(int port, Process gateway) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && gateway.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return 200;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        return -1;
    }

    private static Map<String, Object> inspect(String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("inspect"));
        all.addAll(List.of(arguments));
        ExternalTool.Result result = tool("skopeo").run(ROOT, all.toArray(String[]::new));
        assertThat(result.succeeded()).as(result.output()).isTrue();
        return Yamls.documents(result.output()).get(0);
    }

    private static Path imageOf(String module) {
        Path tar = ROOT.resolve(module).resolve("target").resolve(module + "-image.tar");
        assertThat(tar).as("built by -Pimages").exists();
        return tar;
    }

    private static ExternalTool tool(String name) {
        return ExternalTool.find(name).orElseThrow(() -> new AssertionError(name + " is needed to check the images (.ci/run installs it)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
