package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the end-to-end tests tried and saw, written as {@code docs/reliability.md} when the test session ends
 * ({@link SharedPlatformShutdown}). Only a run of every contributing test writes the document; a partial run
 * (one test picked with {@code -Dit.test}) writes {@code deploy/target/reliability.md} instead, so the
 * document never describes half a suite. A row says what was seen; a row that differs from what was expected
 * also fails its test, so a green build's document shows only expected outcomes.
 */
final class ReliabilityReport {

    /** A bad request sent through the gateway, what came back, and whether the roadmap stayed as it was. */
    record Refusal(String tried, int expected, int got, String names, boolean unchanged) {
    }

    /** A fault injected into the running platform, the changes a client had accepted, and what the scorecard holds. */
    record Fault(String fault, String clientsSaw, int accepted, int inScorecard, int duplicates, Duration recovery) {
        int lost() {
            return accepted - inScorecard;
        }
    }

    private static final List<Refusal> REFUSALS = new ArrayList<>();
    private static final List<Fault> FAULTS = new ArrayList<>();

    private ReliabilityReport() {
    }

    static synchronized void refused(Refusal refusal) {
        REFUSALS.add(refusal);
    }

    static synchronized void fault(Fault fault) {
        FAULTS.add(fault);
    }

    static synchronized void write() {
        if (REFUSALS.isEmpty() && FAULTS.isEmpty()) {
            return;
        }
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        boolean complete = !REFUSALS.isEmpty() && !FAULTS.isEmpty();
        Path target = complete ? root.resolve("docs/reliability.md") : root.resolve("deploy/target/reliability.md");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(LocalDate.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Reliability report written to " + target);
    }

    static synchronized String render(LocalDate day) {
        StringBuilder md = new StringBuilder();
        int accepted = FAULTS.stream().mapToInt(Fault::accepted).sum();
        int inScorecard = FAULTS.stream().mapToInt(Fault::inScorecard).sum();
        int duplicates = FAULTS.stream().mapToInt(Fault::duplicates).sum();
        md.append("# Reliability: what the test suite tried, and what held\n\n")
                .append("Written by `./mvnw verify` (the deploy module's end-to-end tests, `BadInputIT`, `EventDeliveryFaultsIT` and `ScaleOutIT`) on ")
                .append(day).append(", against real processes: the Kafka broker, the store, the services and the gateway as ")
                .append("`./platform up` starts them. Do not edit: the next full run rewrites it. Every row was asserted by the test ")
                .append("before it was written here.\n\n")
                .append("## Summary\n\n")
                .append("- Bad requests tried: ").append(REFUSALS.size()).append(", refused with the expected status: ")
                .append(REFUSALS.stream().filter(r -> r.got() == r.expected()).count()).append(", roadmap left unchanged: ")
                .append(REFUSALS.stream().filter(Refusal::unchanged).count()).append(".\n")
                .append("- Faults injected: ").append(FAULTS.size()).append(". Changes accepted by the services (answered 2xx): ")
                .append(accepted).append("; in the scorecard afterwards: ").append(inScorecard).append("; **lost: ")
                .append(accepted - inScorecard).append("**; counted twice: ").append(duplicates).append(".\n\n")
                .append("## Bad input, tried through the gateway and refused\n\n")
                .append("Each request is answered with `application/problem+json` naming the field; \"unchanged\" means the ")
                .append("target's revision and history were the same afterwards.\n\n")
                .append("| tried | expected | got | names | unchanged |\n|---|---|---|---|---|\n");
        for (Refusal r : REFUSALS) {
            md.append("| ").append(cell(r.tried())).append(" | ").append(r.expected()).append(" | ").append(r.got()).append(" | ")
                    .append(cell(r.names())).append(" | ").append(r.unchanged() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## Faults injected\n\n")
                .append("\"Accepted\" counts changes a client was told succeeded while or around the fault; \"in scorecard\" those ")
                .append("the scorecard holds afterwards, each milestone revision counted once; \"recovered\" is the time from the ")
                .append("end of the fault (component back and healthy) until the scorecard held every accepted change.\n\n")
                .append("| fault | what clients saw | accepted | in scorecard | lost | counted twice | recovered in |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Fault f : FAULTS) {
            md.append("| ").append(cell(f.fault())).append(" | ").append(cell(f.clientsSaw())).append(" | ").append(f.accepted())
                    .append(" | ").append(f.inScorecard()).append(" | ").append(f.lost()).append(" | ").append(f.duplicates())
                    .append(" | ").append(String.format(java.util.Locale.ROOT, "%.1f s", f.recovery().toMillis() / 1000.0)).append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
