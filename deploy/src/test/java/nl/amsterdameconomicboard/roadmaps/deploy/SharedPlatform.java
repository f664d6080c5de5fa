package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform as ./platform up starts it, on ports 10000 away from the defaults ({@link TestPorts}), started
 * once for all the end-to-end test classes of this JVM and stopped when the JVM ends.
 */
final class SharedPlatform {

    static final int OFFSET = 10000;

    private static PlatformSettings settings;
    private static Platform platform;

    private SharedPlatform() {
    }

    static synchronized PlatformSettings get() throws Exception {
        if (settings == null) {
            Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
            Path dataDir = root.resolve("deploy/target/e2e-platform");
            deleteRecursively(dataDir);
            Map<String, String> env = new HashMap<>(Map.of("PLATFORM_DATA_DIR", dataDir.toString()));
            TestPorts.put(env, root, OFFSET);
            PlatformSettings shared = PlatformSettings.fromEnvironment(root, env::get);
            platform = new Platform(shared, System.out::println);
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::close, "e2e-platform-shutdown"));
            platform.start();
            settings = shared;
        }
        return settings;
    }

    /** The running shared platform, to stop and restart its components; {@link #get()} starts it. */
    static synchronized Platform platform() throws Exception {
        get();
        return platform;
    }

    /** Stops the platform if this JVM started it; see {@link SharedPlatformShutdown}. */
    static synchronized void close() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
