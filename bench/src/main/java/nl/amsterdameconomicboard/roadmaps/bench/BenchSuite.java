package nl.amsterdameconomicboard.roadmaps.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.deploy.PlatformSettings;

/**
 * {@code ./platform bench [--quick] [--only=…] [--key=value …]}: the benchmark suite against the platform that
 * {@code GATEWAY_RATE_LIMITS=off ./platform up} runs on this machine. Runs the scenarios in an order where each leaves
 * the next a fair start (reads before writes, the replay's generated events last, the footprint after all the load),
 * and writes the results under {@code bench/results/}.
 */
public final class BenchSuite {

    /** The scenarios, in the order they run; {@code --only} picks by these names. */
    static final List<String> SCENARIOS = List.of("overhead", "concurrency", "freshness", "writes", "rebuild", "footprint");

    private final BenchConfig config;
    private final PlatformUnderTest platform;
    private final Http http;

    BenchSuite(BenchConfig config, PlatformUnderTest platform, Http http) {
        this.config = config;
        this.platform = platform;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchConfig.usage());
            return;
        }
        BenchConfig config;
        try {
            config = BenchConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings = PlatformSettings.fromEnvironment(root, System::getenv);
        Http http = new Http();
        int exit;
        try (LocalPlatformUnderTest platform = new LocalPlatformUnderTest(settings, http)) {
            if (!reachable(http, platform.gateway().resolve("/actuator/health"))) {
                System.err.println("The platform does not answer at " + platform.gateway() + ". Start it first: GATEWAY_RATE_LIMITS=off ./platform up");
                System.exit(1);
            }
            String command = "./platform bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
            exit = new BenchSuite(config, platform, http).runAndReport(root.resolve("bench/results"), command, commit(root));
        }
        System.exit(exit);
    }

    /** Runs every scenario asked for, writes the report, answers the exit code: 0, or 1 if a scenario failed. */
    int runAndReport(Path folder, String command, String commit) throws IOException {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        long begun = System.nanoTime();
        Results results = new Results();
        Map<String, Object> run = results.run();
        run.put("date", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        run.put("quick", config.quick());
        run.put("command", command);
        run.put("commit", commit);
        Map<String, Object> machine = Machine.describe();
        run.put("machine", machine);
        run.put("machineSummary", Machine.summary(machine));
        run.put("settings", new java.util.TreeMap<>(config.values()));
        List<String> failures = new ArrayList<>();
        for (String scenario : SCENARIOS) {
            if (!config.runs(scenario)) {
                continue;
            }
            System.out.println("== " + scenario);
            try {
                switch (scenario) {
                    case "overhead" -> ReadScenarios.overhead(config, platform, http, results);
                    case "concurrency" -> ReadScenarios.concurrency(config, platform, http, results);
                    case "freshness" -> WriteScenarios.freshness(config, platform, http, results);
                    case "writes" -> WriteScenarios.writes(config, platform, http, results);
                    case "rebuild" -> SystemScenarios.rebuild(config, platform, http, results);
                    case "footprint" -> SystemScenarios.footprint(platform, results);
                    default -> throw new IllegalStateException(scenario);
                }
            } catch (RateLimitedException e) {
                System.err.println(e.getMessage());
                return 1; // every figure after a 429 would measure the limit: no report
            } catch (Exception e) {
                String failure = scenario + ": " + e;
                System.err.println("!! " + failure);
                failures.add(failure);
            }
        }
        run.put("tookSeconds", Math.round((System.nanoTime() - begun) / 1e9));
        run.put("failures", failures);
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + (config.quick() ? "-quick" : "");
        Report.Written written = Report.write(results, folder, stamp);
        System.out.println();
        System.out.println(Files.readString(written.markdown()));
        System.out.println("Results: " + written.json() + ", " + written.markdown() + ", " + written.png() + " (and " + written.latest() + ")");
        if (!failures.isEmpty()) {
            System.err.println("Scenarios that failed: " + failures);
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private static boolean reachable(Http http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /** For the record: what the figures were measured on. */
    static final class Machine {
        private Machine() {
        }

        static Map<String, Object> describe() {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("memoryMiB", meminfo("MemTotal") / 1024);
            machine.put("cpu", cpuModel());
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            return machine;
        }

        static String summary(Map<String, Object> machine) {
            return machine.get("cores") + " cores (" + machine.get("cpu") + "), " + String.format(Locale.ROOT, "%.1f", ((Number) machine.get("memoryMiB")).longValue() / 1024.0)
                    + " GiB memory, " + machine.get("os") + ", " + machine.get("java");
        }

        private static long meminfo(String field) {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith(field + ":"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }

        private static String cpuModel() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown cpu");
            } catch (IOException e) {
                return "unknown cpu";
            }
        }
    }
}
