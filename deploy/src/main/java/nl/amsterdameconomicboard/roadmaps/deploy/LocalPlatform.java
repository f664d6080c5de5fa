package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * {@code ./platform up [--kafka-brokers n] | down | status}: the whole platform on this machine; {@code --kafka-brokers 3}
 * runs Kafka as a cluster of three (what {@code KAFKA_BROKERS} sets). {@code ./platform bench} is the bench module's.
 */
public final class LocalPlatform {

    /** How many Kafka brokers the running platform has, for {@code status}. */
    private static final String RUNNING_BROKERS = "run/kafka-brokers";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", "."));
        String brokers = option(args, "--kafka-brokers");
        PlatformSettings settings = PlatformSettings.fromEnvironment(root,
                name -> name.equals(PlatformSettings.KAFKA_BROKERS) && brokers != null ? brokers : System.getenv(name));
        String command = args.length == 0 ? "up" : args[0];
        Path runningBrokers = settings.dataDir().resolve(RUNNING_BROKERS);
        if (command.equals("status") && brokers == null && System.getenv(PlatformSettings.KAFKA_BROKERS) == null && Files.exists(runningBrokers)) {
            String running = Files.readString(runningBrokers).strip(); // what the running platform was started with
            settings = PlatformSettings.fromEnvironment(root, name -> name.equals(PlatformSettings.KAFKA_BROKERS) ? running : System.getenv(name));
        }
        int exit = switch (command) {
            case "up" -> up(settings);
            case "down" -> down(settings);
            case "status" -> status(settings);
            default -> {
                System.err.println("usage: ./platform up [--kafka-brokers n] | down | status | bench [--quick] [--key=value …]");
                yield 2;
            }
        };
        System.exit(exit);
    }

    /** The value after {@code name} among the arguments, or null; a name without a value is refused. */
    static String option(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name)) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value, e.g. " + name + " 3");
                }
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return null;
    }

    static int up(PlatformSettings settings) throws Exception {
        Path pidFile = settings.dataDir().resolve("run/platform.pid");
        Optional<ProcessHandle> running = launcher(pidFile);
        if (running.isPresent()) {
            System.err.println("The platform is already running (pid " + running.get().pid() + "). See ./platform status, or ./platform down first.");
            return 1;
        }
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Path runningBrokers = settings.dataDir().resolve(RUNNING_BROKERS);
        Files.writeString(runningBrokers, Integer.toString(settings.kafkaBrokers())); // for ./platform status
        System.out.println("Starting the Board Roadmaps Platform (data in " + settings.dataDir() + ")");
        Platform platform = new Platform(settings, System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the platform…");
            platform.close();
            deleteQuietly(runningBrokers);
            deleteQuietly(pidFile);
            System.out.println("Stopped.");
        }, "platform-shutdown"));
        long started = System.nanoTime();
        try {
            platform.start();
        } catch (Exception e) {
            System.err.println();
            System.err.println("The platform did not start: " + e.getMessage());
            return 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        writeStartup(settings, platform, took);
        printWelcome(settings, took);
        watch(platform);
        return 0;
    }

    /** Where {@code ./platform bench} finds how long this start took: seconds to healthy per component and in all. */
    private static void writeStartup(PlatformSettings settings, Platform platform, Duration took) throws IOException {
        StringBuilder lines = new StringBuilder("# seconds from start to healthy, written by ./platform up\n");
        platform.healthyAfter().forEach((component, seconds) -> lines.append(component).append('=').append(String.format(java.util.Locale.ROOT, "%.2f", seconds)).append('\n'));
        lines.append(PlatformSettings.STARTUP_TOTAL).append('=').append(String.format(java.util.Locale.ROOT, "%.2f", took.toMillis() / 1000.0)).append('\n');
        Files.writeString(settings.startupFile(), lines);
    }

    /** Stays in the foreground and says when a component stops on its own. Ctrl-C stops everything. */
    private static void watch(Platform platform) throws InterruptedException {
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (true) {
            for (ComponentProcess component : platform.components()) {
                if (!component.isAlive() && reported.add(component.name)) {
                    System.err.println("!! " + component.name + " stopped on its own (exit code " + component.exitCode()
                            + "); see " + component.log);
                }
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    static int down(PlatformSettings settings) throws Exception {
        Path pidFile = settings.dataDir().resolve("run/platform.pid");
        Optional<ProcessHandle> launcher = launcher(pidFile);
        if (launcher.isPresent()) {
            System.out.println("Stopping the platform (launcher pid " + launcher.get().pid() + ")…");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.err.println("The launcher did not stop within 120 s; stopping its processes directly.");
                launcher.get().destroyForcibly();
            }
        }
        List<ProcessHandle> strays = platformProcesses(settings).toList();
        strays.forEach(ProcessHandle::destroy);
        for (ProcessHandle stray : strays) {
            try {
                stray.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                stray.destroyForcibly();
            }
        }
        deleteQuietly(pidFile);
        long left = platformProcesses(settings).count();
        System.out.println(left == 0 ? "Nothing of the platform is running." : left + " processes of the platform are still running.");
        return left == 0 ? 0 : 1;
    }

    static int status(PlatformSettings settings) {
        Optional<ProcessHandle> launcher = launcher(settings.dataDir().resolve("run/platform.pid"));
        System.out.println(launcher.map(p -> "Launcher running (pid " + p.pid() + ")").orElse("Launcher not running"));
        System.out.printf("%-18s %-7s %-9s %8s  %s%n", "component", "port", "health", "RSS MiB", "pid");
        int unhealthy = 0;
        for (String component : settings.ports().keySet()) {
            if (component.equals(PlatformSettings.STORE) && settings.externalMongo() != null) {
                System.out.printf("%-18s %-7s %-9s%n", component, "-", "external");
                continue;
            }
            boolean healthy = Platform.healthOf(settings, component).healthy();
            unhealthy += healthy ? 0 : 1;
            Optional<ProcessHandle> process = componentProcess(settings, component);
            System.out.printf("%-18s %-7d %-9s %8s  %s%n", component, settings.port(component), healthy ? "UP" : "DOWN",
                    process.map(p -> Long.toString(rssKib(p) / 1024)).orElse("-"),
                    process.map(p -> Long.toString(p.pid())).orElse("-"));
        }
        return unhealthy == 0 ? 0 : 1;
    }

    private static void printWelcome(PlatformSettings settings, Duration took) {
        String gateway = settings.gatewayUrl();
        System.out.println();
        System.out.printf("All components healthy in %.0f s.%n%n", took.toMillis() / 1000.0);
        System.out.println("  Board Roadmaps      " + gateway + "/");
        System.out.println("  Board overview API  " + gateway + "/api/scorecards");
        List<String> codes = settings.registry().codes();
        System.out.println("  The challenges      " + gateway + "/api/challenges");
        System.out.println("  A challenge         " + gateway + "/api/" + codes.get(0)
                + (codes.size() > 1 ? "   (" + String.join(", ", codes.subList(1, codes.size())) + ")" : ""));
        System.out.println("  Keycloak            " + settings.keycloakUrl() + "/admin   (master realm admin/admin — local demo only)");
        System.out.println("  Kafka               " + settings.kafkaBootstrap() + "   (SASL/SCRAM-SHA-512, a user per service; passwords in "
                + settings.root().relativize(settings.dataDir().resolve("kafka/users.properties")) + " — local only)");
        if (settings.kafkaBrokers() > 1) {
            System.out.println("                      " + settings.kafkaBrokers() + " brokers (KRaft, each also a controller); topics on "
                    + settings.kafkaReplicas() + " of them, min.insync.replicas=" + settings.kafkaMinInSync());
        }
        System.out.println("  MongoDB             " + settings.mongoUri());
        System.out.println("  Mail (GreenMail)    " + settings.mailApiUrl() + "/   (SMTP 127.0.0.1:" + settings.port(PlatformSettings.MAIL)
                + "; every reminder digest lands here — local only; a mailbox: " + settings.mailApiUrl() + "/api/user/<address>/messages/)");
        System.out.println("  Reminders           " + gateway + "/api/reminders/attention   (an admin sends the digests now: POST "
                + gateway + "/api/reminders/digests)");
        System.out.println("  Open data           " + gateway + "/api/opendata/indicators.csv   (.json; CC BY 4.0)");
        System.out.println("  Milestone calendar  " + gateway + "/api/" + codes.get(0) + "/milestones.ics");
        System.out.println();
        System.out.println("  Demo users of realm 'mra' (password: demo — local demo only):");
        demoUsers(codes).forEach(u -> System.out.printf("    %-28s %s%n", u[0], u[1]));
        System.out.println();
        System.out.println("  A token for scripts:  curl -s -d client_id=mra-cli -d grant_type=password -d username=" + codes.get(0) + "-lead -d password=demo \\");
        System.out.println("                          " + settings.issuer() + "/protocol/openid-connect/token");
        System.out.println();
        System.out.println("  Team machine clients (client-credentials grant, each its challenge's editor; secrets: LOCAL DEMO ONLY):");
        codes.forEach(code -> System.out.printf("    %-28s secret %s%n", RealmChallengeUsers.importerOf(code), RealmChallengeUsers.localDemoSecretOf(code)));
        System.out.println("  A team's token:       curl -s -u " + RealmChallengeUsers.importerOf(codes.get(0)) + ":"
                + RealmChallengeUsers.localDemoSecretOf(codes.get(0)) + " -d grant_type=client_credentials \\");
        System.out.println("                          " + settings.issuer() + "/protocol/openid-connect/token");
        System.out.println();
        System.out.println("Logs in " + settings.dataDir().resolve("logs") + ". Ctrl-C (or ./platform down) stops everything.");
    }

    static List<String[]> demoUsers(List<String> challenges) {
        String leads = challenges.get(0) + "-lead" + (challenges.size() > 1 ? " … " + challenges.get(challenges.size() - 1) + "-lead" : "");
        return List.of(
                new String[] {"board", "reads everything (role board)"},
                new String[] {"admin", "edits every challenge (role admin)"},
                new String[] {leads, "edits its own challenge (role <challenge>-editor)"},
                new String[] {"partner", "partner of ManpowerGroup (role partner)"},
                new String[] {"sanne, in realm randstad", "\"Randstad\" on the sign-in page: partner of Randstad, signed in by its own provider"});
    }

    private static Optional<ProcessHandle> launcher(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(LocalPlatform.class.getName())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> componentProcess(PlatformSettings settings, String component) {
        return platformProcesses(settings)
                .filter(p -> p.info().commandLine().map(c -> c.contains(ComponentProcess.COMPONENT_MARKER + component + " ")).orElse(false))
                .findFirst();
    }

    /** Every process started for this data dir: the JVMs by their marker, Keycloak by its home under the data dir. */
    private static Stream<ProcessHandle> platformProcesses(PlatformSettings settings) {
        String marker = ComponentProcess.DATA_MARKER + settings.dataDir();
        String keycloakHome = settings.dataDir().resolve("keycloak").toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker + " ") || c.endsWith(marker)
                        || (c.contains(ComponentProcess.COMPONENT_MARKER + PlatformSettings.KEYCLOAK) && c.contains(keycloakHome))).orElse(false));
    }

    private static long rssKib(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(p -> {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).sum();
            } catch (IOException e) {
                return 0;
            }
        }).sum();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to clean up
        }
    }
}
