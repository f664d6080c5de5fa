package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class data sharing for a service of the local platform. A service's start-up is mostly loading and verifying some
 * 13,000 classes; with an archive of them the JVM maps them instead. The jar is extracted once (Spring Boot's
 * {@code tools} jar mode), because classes inside nested jars cannot be archived, and the classes a run loaded are
 * archived when that run ends ({@code -XX:ArchiveClassesAtExit}): the first start after a build pays nothing extra, every
 * later one starts from the archive. A rebuilt jar is extracted again and archived anew; an archive the JVM cannot use
 * (another JDK, a run killed while writing it) is ignored by the JVM and replaced at the next stop.
 */
final class ClassDataSharing {

    /** {@code PLATFORM_CDS=off} starts the services from their jars as built, without archives. */
    static final String VARIABLE = "PLATFORM_CDS";

    private final Path java;
    private final Path cache;

    ClassDataSharing(Path java, Path dataDir) {
        this.java = java;
        this.cache = dataDir.resolve("cds");
    }

    /** Extracts the jars side by side rather than one after the other: a second each. */
    void prepare(Map<String, Path> jars) throws IOException {
        List<CompletableFuture<Void>> extractions = jars.entrySet().stream().map(jar -> CompletableFuture.runAsync(() -> {
            try {
                prepare(jar.getKey(), jar.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })).toList();
        try {
            CompletableFuture.allOf(extractions.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw e;
        }
    }

    /** Extracts the service's jar unless the extracted copy is of this very jar. */
    void prepare(String service, Path jar) throws IOException {
        Path dir = cache.resolve(service);
        Path stamp = dir.resolve("jar.stamp");
        String built = Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar);
        if (!Files.exists(extracted(service, jar)) || !Files.exists(stamp) || !Files.readString(stamp).equals(built)) {
            delete(dir); // the archive too: it holds the classes of the jar it was made from
            extract(jar, dir.resolve("extracted"));
            Files.writeString(stamp, built);
        }
    }

    /** The JVM arguments that start the service from its extracted jar, with its archive if it has one yet. */
    List<String> arguments(String service, Path jar) throws IOException {
        prepare(service, jar);
        Path archive = cache.resolve(service).resolve(service + ".jsa");
        // the archive is the JVM's business: its own warnings (classes it skips, an archive it cannot map) stay out of
        // the service's log, and the JVM starts without the archive if it cannot use it
        String use = Files.exists(archive) && Files.size(archive) > 0
                ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
        return List.of(use, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", extracted(service, jar).toString());
    }

    private Path extracted(String service, Path jar) {
        return cache.resolve(service).resolve("extracted").resolve(jar.getFileName());
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private void extract(Path jar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(destination.getParent().resolve("extract.log").toFile()).start();
        try {
            if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IOException("Could not extract " + jar + " for class data sharing (see "
                        + destination.getParent().resolve("extract.log") + "); PLATFORM_CDS=off starts from the jar");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while extracting " + jar, e);
        }
    }
}
