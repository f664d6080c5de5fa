package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One component of the platform running as a child process, its output in its own log file. */
final class ComponentProcess {

    /** Every JVM the launcher starts carries these, so that {@code ./platform down} finds strays too. */
    static final String COMPONENT_MARKER = "-Dmra.platform.component=";
    static final String DATA_MARKER = "-Dmra.platform.data=";

    final String name;
    final int port;
    final HealthCheck health;
    final Duration startTimeout;
    final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path pidFile;
    private Process process;

    ComponentProcess(String name, int port, List<String> command, Map<String, String> environment, Path workDir,
                     HealthCheck health, Duration startTimeout, Path dataDir) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = new HashMap<>(environment);
        this.workDir = workDir;
        this.health = health;
        this.startTimeout = startTimeout;
        this.log = dataDir.resolve("logs").resolve(name + ".log");
        this.pidFile = dataDir.resolve("run").resolve(name + ".pid");
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(pidFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
    }

    /** Sets an environment variable for the next start. */
    public void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Ends the process at once, as a crash or kill -9 would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after the grace period; children of the process too. */
    public void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the process marker before use
        }
    }

    /** The last lines of the log, to show why a component did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }
}
