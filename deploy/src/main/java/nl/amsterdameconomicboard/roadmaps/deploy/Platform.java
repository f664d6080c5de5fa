package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;

/**
 * The whole platform on one machine: Kafka, the store and Keycloak first, then the services (a challenge service per
 * registered challenge, and the scorecard), then the gateway.
 * Each stage starts in parallel and must be healthy before the next begins.
 */
public final class Platform implements AutoCloseable {

    private final PlatformSettings settings;
    private final KafkaUsers kafkaUsers;
    private final Consumer<String> progress;
    private final Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
    private final ClassDataSharing classDataSharing;
    private final List<ComponentProcess> started = new ArrayList<>();
    private boolean closed;
    private final long startedAt = System.nanoTime();
    /** Seconds from each component's start to its first healthy answer, in the order they became healthy. */
    private final Map<String, Double> healthyAfter = new java.util.concurrent.ConcurrentSkipListMap<>();

    public Platform(PlatformSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.kafkaUsers = settings.kafkaUsers();
        this.progress = progress;
        this.classDataSharing = new ClassDataSharing(javaCommand, settings.dataDir());
    }

    /** Starts everything, or stops what it started and throws with the reason (and the failing component's log). */
    public void start() throws Exception {
        start(settings.ports().keySet());
    }

    /** Starts only these components (in the platform's order), e.g. for a test that needs no Keycloak. */
    public void start(Collection<String> only) throws Exception {
        checkPortsFree(only);
        List<List<ComponentProcess>> stages = stages(only);
        // Keycloak, the slowest to start, is awaited last: no service needs it to start (the gateway names its endpoints
        // one by one, the services fetch its keys with the first token), so they start while it does
        List<ComponentProcess> awaitedLast = stages.isEmpty() ? List.of() : stages.get(0).stream().filter(c -> c.name.equals(PlatformSettings.KEYCLOAK)).toList();
        try {
            for (List<ComponentProcess> stage : stages) {
                startStage(stage, awaitedLast);
                if (stage.stream().anyMatch(c -> c.name.equals(PlatformSettings.KAFKA))) {
                    kafkaUsers.grant(settings.kafkaBootstrap(), settings.registry());
                    say(PlatformSettings.KAFKA, "users and ACLs of " + KafkaUsers.users(settings.registry()).size() + " principals in place"
                            + (settings.kafkaBrokers() > 1 ? " on " + settings.kafkaBrokers() + " brokers; topics on " + settings.kafkaReplicas()
                            + " of them, min.insync.replicas=" + settings.kafkaMinInSync() : ""));
                }
            }
            await(awaitedLast);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Seconds from each component's start to its first healthy answer (what the benchmark reports as start-up). */
    public Map<String, Double> healthyAfter() {
        return Map.copyOf(healthyAfter);
    }

    public synchronized List<ComponentProcess> components() {
        return List.copyOf(started);
    }

    public synchronized ComponentProcess component(String name) {
        return started.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " was not started"));
    }

    /** Starts a stopped (or killed) component again and waits until it is healthy. */
    public void restart(String name) throws IOException {
        ComponentProcess component = component(name);
        if (component.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        component.start();
        say(name, "restarted");
        awaitHealthy(component);
    }

    private List<List<ComponentProcess>> stages(Collection<String> only) throws IOException {
        String launcherClasspath = settings.root().resolve("deploy/target/classes") + File.pathSeparator
                + settings.root().resolve("deploy/target/lib/*");
        // every user's password exists before the broker starts and reads its own from the same file
        KafkaUsers.users(settings.registry()).forEach(kafkaUsers::password);
        List<ComponentProcess> infrastructure = new ArrayList<>();
        List<String> kafkaNodes = settings.kafkaNodes();
        if (kafkaNodes.size() > 1) {
            LocalKafkaBroker.prepareCluster(data("kafka"), kafkaNodes.size());
        }
        for (int node = 1; node <= kafkaNodes.size(); node++) {
            String name = kafkaNodes.get(node - 1);
            List<String> arguments = new ArrayList<>(List.of("-cp", launcherClasspath, LocalKafkaBroker.class.getName(),
                    Integer.toString(settings.port(name)), data("kafka").toString()));
            if (kafkaNodes.size() > 1) {
                arguments.addAll(List.of(Integer.toString(node), kafkaVoters()));
            }
            // C1 only, as the services: half the CPU to start (12 → 6 s here), and the services wait for Kafka
            infrastructure.add(jvm(name, javaCommand, "-Xms64m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:TieredStopAtLevel=1", arguments, Map.of(), Duration.ofSeconds(90)));
        }
        if (settings.externalMongo() == null) {
            infrastructure.add(jvm(PlatformSettings.STORE, javaCommand, "-Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC",
                    List.of("-cp", launcherClasspath, LocalMongoStore.class.getName(),
                            Integer.toString(settings.port(PlatformSettings.STORE)), data("mongo").toString()),
                    Map.of(), Duration.ofSeconds(60)));
        }
        if (only.contains(PlatformSettings.KEYCLOAK)) {
            infrastructure.add(keycloak());
        }
        if (only.contains(PlatformSettings.MAIL)) {
            infrastructure.add(mail());
        }

        if (settings.classDataSharing()) {
            Map<String, Path> jars = new HashMap<>();
            for (String name : Stream.concat(settings.services().stream(), Stream.of(PlatformSettings.GATEWAY)).filter(only::contains).toList()) {
                jars.put(name, jar(name));
            }
            classDataSharing.prepare(jars);
        }
        List<ComponentProcess> services = new ArrayList<>();
        for (String service : settings.services()) {
            if (only.contains(service)) {
                services.add(service(service, serviceEnvironment(service)));
            }
        }

        Map<String, String> gatewayEnv = new HashMap<>(Map.of(
                "KEYCLOAK_URL", settings.keycloakUrl(),
                "KEYCLOAK_PUBLIC_URL", settings.keycloakUrl(),
                // the local demo realm's client secret lives only in the gateway's local profile
                "SPRING_PROFILES_ACTIVE", "local",
                "MONGODB_URI", settings.mongoUri())); // its sessions, in database gateway
        settings.services().forEach(s -> gatewayEnv.put(PlatformSettings.envName(s) + "_SERVICE_URL", settings.serviceUrl(s)));
        List<ComponentProcess> gateway = only.contains(PlatformSettings.GATEWAY) ? List.of(service(PlatformSettings.GATEWAY, gatewayEnv)) : List.of();
        return Stream.of(infrastructure, services, gateway)
                .map(stage -> stage.stream().filter(c -> only.contains(c.name)
                        || kafkaNodes.contains(c.name) && only.contains(PlatformSettings.KAFKA)).toList())
                .filter(stage -> !stage.isEmpty()).toList();
    }

    /**
     * What a backend service is told in its environment: the store, the Kafka brokers, its own Kafka user, the token
     * issuer, and how many replicas its topics have. A second replica of a service gets the same (and its own port).
     */
    public Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MONGODB_URI", settings.mongoUri(),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                "KEYCLOAK_ISSUER_URI", settings.issuer(),
                "KEYCLOAK_JWKS_URI", settings.jwksUri()));
        env.putAll(kafkaUsers.serviceEnvironment(service)); // each service signs in to Kafka as itself
        // the topics it declares: on three brokers of a cluster (min.insync.replicas is the brokers' default)
        env.put("ROADMAP_TOPICS_REPLICAS", Integer.toString(settings.kafkaReplicas()));
        env.put("SCORECARD_TOPICS_REPLICAS", Integer.toString(settings.kafkaReplicas()));
        if (service.equals(PlatformSettings.SCORECARD)) {
            challengeServiceUrls(env); // where it rebuilds a challenge's projections from
            reminders(env);
        }
        return env;
    }

    /** The cluster's controllers, each on its node's client port + 1. */
    private String kafkaVoters() {
        List<String> nodes = settings.kafkaNodes();
        List<String> voters = new ArrayList<>();
        for (int node = 1; node <= nodes.size(); node++) {
            voters.add(node + "@127.0.0.1:" + (settings.port(nodes.get(node - 1)) + 1));
        }
        return String.join(",", voters);
    }

    /** {@code <CODE>_SERVICE_URL} of every registered challenge, as the gateway gets them. */
    private void challengeServiceUrls(Map<String, String> env) {
        settings.registry().challenges().forEach(c -> env.put(c.variablePrefix() + "_SERVICE_URL", settings.serviceUrl(c.service())));
    }

    /** The reminders' digests go to the local SMTP server; the editors come from the local realm (LOCAL DEMO secret). */
    private void reminders(Map<String, String> env) {
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(settings.port(PlatformSettings.MAIL)));
        env.put("KEYCLOAK_URL", settings.keycloakUrl());
        env.put("REMINDERS_KEYCLOAK_CLIENT_SECRET", PlatformSettings.LOCAL_DEMO_REMINDERS_SECRET);
        env.put("REMINDERS_DASHBOARD_URL", settings.gatewayUrl() + "/");
    }

    /** GreenMail's standalone server (the jar the build copies from Maven Central): SMTP, no authentication, a web view. */
    private ComponentProcess mail() throws IOException {
        Path jar = settings.root().resolve("deploy/target/greenmail/greenmail-standalone.jar");
        if (!Files.exists(jar)) {
            throw new IOException("GreenMail is missing at " + jar + ": build first (./mvnw -DskipTests package)");
        }
        int port = settings.port(PlatformSettings.MAIL);
        return jvm(PlatformSettings.MAIL, javaCommand, "-Xmx96m -XX:+UseSerialGC", List.of(
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + port, "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + (port + PlatformSettings.MAIL_API_OFFSET),
                "-jar", jar.toString()), Map.of(), Duration.ofSeconds(60));
    }

    private ComponentProcess keycloak() throws IOException {
        Path home = KeycloakDistribution.install(settings.root(), settings.dataDir(), settings.port(PlatformSettings.GATEWAY),
                settings.port(PlatformSettings.KEYCLOAK), settings.registry());
        int port = settings.port(PlatformSettings.KEYCLOAK);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // Keycloak's heap, and returned to the system when it is free (G1 keeps up to 70 % of it free otherwise)
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30");
        env.put("MALLOC_ARENA_MAX", "2"); // as for the platform's own JVMs (see jvm())
        // kc.sh splits this variable on spaces, so the data directory's marker (a path) cannot go here; Keycloak is
        // recognised as part of this platform by its home directory under the data directory. C1 only: Keycloak starts
        // while the services do, and takes half the CPU to (21 → 11 s here)
        env.put("JAVA_OPTS_APPEND", ComponentProcess.COMPONENT_MARKER + PlatformSettings.KEYCLOAK + " -XX:TieredStopAtLevel=1");
        // LOCAL DEMO ONLY: the master realm's admin console login
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + settings.keycloakUrl(),
                "--http-management-port=" + (port + 1000), "--import-realm");
        return new ComponentProcess(PlatformSettings.KEYCLOAK, port, command, env, home,
                healthOf(settings, PlatformSettings.KEYCLOAK), Duration.ofSeconds(240), settings.dataDir());
    }

    private Path jar(String name) throws IOException {
        Path jar = settings.root().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }

    private ComponentProcess service(String name, Map<String, String> environment) throws IOException {
        Path jar = jar(name);
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(settings.port(name)));
        env.put("SERVER_ADDRESS", "127.0.0.1"); // the local platform is not reachable from the network
        if (settings.registryFile() != null) {
            env.put(ChallengeRegistry.LOCATION_VARIABLE, settings.registryFile()); // every component reads the same challenges
        }
        List<String> start = settings.classDataSharing() ? classDataSharing.arguments(name, jar) : List.of("-jar", jar.toString());
        return jvm(name, javaCommand, settings.javaOptions(), start, env, Duration.ofSeconds(150));
    }

    private ComponentProcess jvm(String name, Path java, String options, List<String> arguments, Map<String, String> env,
                                 Duration timeout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(options.strip().split("\\s+")));
        command.add(ComponentProcess.COMPONENT_MARKER + name);
        command.add(ComponentProcess.DATA_MARKER + settings.dataDir());
        command.addAll(arguments);
        Files.createDirectories(settings.dataDir());
        Map<String, String> environment = new HashMap<>(env);
        // glibc's default, an arena per thread, keeps memory resident that the JVM's threads freed
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
        return new ComponentProcess(name, settings.port(name), command, environment, settings.dataDir(), healthOf(settings, name), timeout,
                settings.dataDir());
    }

    /** When a component counts as healthy: Kafka answers metadata, the store accepts connections, the rest answer HTTP. */
    static HealthCheck healthOf(PlatformSettings settings, String component) {
        return switch (component) {
            case PlatformSettings.STORE -> HealthCheck.tcp(settings.port(PlatformSettings.STORE));
            case PlatformSettings.KEYCLOAK -> HealthCheck.http(settings.issuer() + "/.well-known/openid-configuration");
            case PlatformSettings.MAIL -> HealthCheck.http(settings.mailApiUrl() + "/api/service/readiness");
            default -> settings.kafkaNodes().contains(component) ? HealthCheck.kafka(settings, component)
                    : HealthCheck.http("http://127.0.0.1:" + settings.port(component) + "/actuator/health");
        };
    }

    private Path data(String component) {
        return settings.dataDir().resolve(component);
    }

    private void startStage(List<ComponentProcess> stage, List<ComponentProcess> awaitedLater) throws Exception {
        for (ComponentProcess component : stage) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("The platform is stopping");
                }
                component.start();
                started.add(component);
            }
            say(component.name, "starting on 127.0.0.1:" + component.port + " (log: " + settings.root().relativize(component.log) + ")");
        }
        await(stage.stream().filter(c -> !awaitedLater.contains(c)).toList());
    }

    private void await(List<ComponentProcess> components) throws Exception {
        List<CompletableFuture<Void>> waits = components.stream().map(c -> CompletableFuture.runAsync(() -> awaitHealthy(c))).toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw (Exception) e.getCause();
        }
    }

    private void awaitHealthy(ComponentProcess component) {
        long begun = System.nanoTime();
        long deadline = begun + component.startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!component.isAlive()) {
                throw new IllegalStateException(component.name + " exited with code " + component.exitCode()
                        + " before it was healthy. Last lines of " + component.log + ":\n" + component.logTail(30));
            }
            if (component.health.healthy()) {
                healthyAfter.put(component.name, (System.nanoTime() - begun) / 1e9);
                say(component.name, "healthy");
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException(component.name + " was not healthy within " + component.startTimeout.toSeconds()
                + " s. Last lines of " + component.log + ":\n" + component.logTail(30));
    }

    /** Refuses to start anything while a port is taken, naming the port and the component that needs it. */
    private void checkPortsFree(Collection<String> only) throws IOException {
        List<String> taken = new ArrayList<>();
        settings.ports().forEach((component, port) -> {
            boolean kafkaNode = settings.kafkaNodes().contains(component); // all nodes start with "kafka"
            if (!(only.contains(component) || kafkaNode && only.contains(PlatformSettings.KAFKA))
                    || component.equals(PlatformSettings.STORE) && settings.externalMongo() != null) {
                return;
            }
            // + the KRaft controller; + GreenMail's web view
            List<Integer> ports = kafkaNode ? List.of(port, port + 1)
                    : component.equals(PlatformSettings.MAIL) ? List.of(port, port + PlatformSettings.MAIL_API_OFFSET) : List.of(port);
            ports.stream().filter(p -> !isFree(p)).forEach(p -> taken.add("port " + p + " (" + component + ")"));
        });
        if (!taken.isEmpty()) {
            throw new IOException("Already in use: " + String.join(", ", taken)
                    + ". Stop what uses it (./platform down if it is an earlier platform), or move the component with its *_PORT variable.");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the servers do: connections in TIME_WAIT do not block them
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops in reverse order: the gateway first, Kafka last, so that the services' relays can still publish. */
    @Override
    public void close() {
        List<ComponentProcess> reverse;
        synchronized (this) {
            closed = true; // a start still running (Ctrl-C during start-up) starts nothing more
            reverse = new ArrayList<>(started);
        }
        java.util.Collections.reverse(reverse);
        List<ComponentProcess> services = reverse.stream().filter(c -> c.name.endsWith("-service")).toList();
        reverse.stream().filter(c -> c.name.equals(PlatformSettings.GATEWAY)).forEach(this::stop);
        services.parallelStream().forEach(this::stop);
        // infrastructure last, and together: nothing depends on it any more
        List<ComponentProcess> infrastructure = reverse.stream().filter(c -> !c.name.endsWith("-service") && !c.name.equals(PlatformSettings.GATEWAY)).toList();
        List<ComponentProcess> cluster = infrastructure.stream().filter(c -> settings.kafkaBrokers() > 1 && settings.kafkaNodes().contains(c.name)).toList();
        infrastructure.stream().filter(c -> !cluster.contains(c)).toList().parallelStream().forEach(this::stop);
        // a cluster's nodes one after another: each hands its partitions over while a majority of controllers is left;
        // the last one alone can never finish a controlled shutdown (it waits for a quorum), so it gets a short grace
        for (int i = 0; i < cluster.size(); i++) {
            stop(cluster.get(i), i < cluster.size() - 1 ? Duration.ofSeconds(20) : Duration.ofSeconds(3));
        }
    }

    private void stop(ComponentProcess component) {
        stop(component, Duration.ofSeconds(20));
    }

    private void stop(ComponentProcess component, Duration grace) {
        if (component.isAlive()) {
            component.stop(grace);
            say(component.name, "stopped");
        }
    }

    private void say(String component, String message) {
        progress.accept(String.format("[%6.1fs] %-18s %s", (System.nanoTime() - startedAt) / 1e9, component, message));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
