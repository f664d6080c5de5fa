package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests a careless client or an attacker sends through the gateway: each is refused with the right status
 * and a problem+json naming what was wrong, and the roadmap is exactly as it was. Rows of {@code docs/reliability.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String MILESTONE = "/api/circular/milestones/co2-2017";
    private static final String INDICATOR = "/api/circular/indicators/extra-jobs-2025";
    private static final String INITIATIVE = "/api/talent/initiatives/werk-maken-van-talent";

    /** Who sends it: a challenge lead with the right role unless the case is about who. */
    enum Sender { CIRCULAR_LEAD, MOBILITY_LEAD, PARTNER, NOBODY, FORGED }

    record Case(String tried, Sender sender, String method, String path, String body, String ifMatch,
                int expected, List<String> names, String probe) {
        @Override
        public String toString() {
            return tried;
        }
    }

    private GatewayClient client;

    @BeforeAll
    void startPlatform() throws Exception {
        client = new GatewayClient(SharedPlatform.get());
    }

    static Stream<Case> cases() {
        String status = MILESTONE + "/status";
        String measurements = INDICATOR + "/measurements";
        return Stream.of(
                new Case("a milestone status that does not exist (DONE)", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"DONE\", \"note\": \"finished\"}", null, 400, List.of("status"), MILESTONE),
                new Case("a status change without a note", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\"}", null, 400, List.of("note"), MILESTONE),
                new Case("a note of 2,001 characters", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"" + "x".repeat(2001) + "\"}", null, 400, List.of("note"), MILESTONE),
                new Case("a misspelt field (vaule)", Sender.CIRCULAR_LEAD, "POST", measurements,
                        "{\"date\": \"2020-01-01\", \"vaule\": 3, \"source\": \"CBS\"}", null, 400, List.of("vaule"), INDICATOR),
                new Case("a MongoDB operator as a field ($where)", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\", \"$where\": \"sleep(1000)\"}", null, 400, List.of("$where"), MILESTONE),
                new Case("JSON that ends halfway", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TR", null, 400, List.of(), MILESTONE),
                new Case("JSON nested 5,000 levels deep", Sender.CIRCULAR_LEAD, "PUT", status,
                        "[".repeat(5000) + "]".repeat(5000), null, 400, List.of(), MILESTONE),
                new Case("a body of 2 MB", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}", null, 413, List.of(), MILESTONE),
                new Case("a measurement value that is text", Sender.CIRCULAR_LEAD, "POST", measurements,
                        "{\"date\": \"2020-01-01\", \"value\": \"many\", \"source\": \"CBS\"}", null, 400, List.of("value"), INDICATOR),
                new Case("a measurement dated in the future", Sender.CIRCULAR_LEAD, "POST", measurements,
                        "{\"date\": \"2999-01-01\", \"value\": 3, \"source\": \"CBS\"}", null, 400, List.of("date"), INDICATOR),
                new Case("a status change based on an old revision (If-Match)", Sender.CIRCULAR_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"stale\"}", "\"999\"", 412, List.of(), MILESTONE),
                new Case("a milestone that does not exist", Sender.CIRCULAR_LEAD, "PUT", "/api/circular/milestones/no-such-milestone/status",
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\"}", null, 404, List.of(), MILESTONE),
                new Case("a change without a token", Sender.NOBODY, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\"}", null, 401, List.of(), MILESTONE),
                new Case("a token signed by someone else", Sender.FORGED, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\"}", null, 401, List.of(), MILESTONE),
                new Case("another challenge's lead changing a circular milestone", Sender.MOBILITY_LEAD, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\"}", null, 403, List.of(), MILESTONE),
                new Case("a partner changing a milestone", Sender.PARTNER, "PUT", status,
                        "{\"status\": \"ON_TRACK\", \"note\": \"x\"}", null, 403, List.of(), MILESTONE),
                new Case("a partner's progress report of 4,001 characters", Sender.PARTNER, "POST", INITIATIVE + "/progress",
                        "{\"text\": \"" + "x".repeat(4001) + "\"}", null, 400, List.of("text"), INITIATIVE),
                new Case("a partner reporting on another organisation's initiative", Sender.PARTNER, "POST",
                        "/api/talent/initiatives/future-of-work-research/progress", "{\"text\": \"not ours\"}", null, 403, List.of(),
                        "/api/talent/initiatives/future-of-work-research"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isRefusedNamingWhatWasWrongAndChangesNothing(Case bad) throws Exception {
        String before = client.get(bad.probe()).body() + client.get(bad.probe() + "/history").body();

        HttpRequest.Builder request = HttpRequest.newBuilder(client.gateway(bad.path())).header("Content-Type", "application/json")
                .method(bad.method(), HttpRequest.BodyPublishers.ofString(bad.body()));
        String authorization = switch (bad.sender()) {
            case CIRCULAR_LEAD -> "Bearer " + client.token("circular-lead");
            case MOBILITY_LEAD -> "Bearer " + client.token("mobility-lead");
            case PARTNER -> "Bearer " + client.token("partner");
            case FORGED -> "Bearer " + forged(client.token("circular-lead"));
            case NOBODY -> null;
        };
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (bad.ifMatch() != null) {
            request.header("If-Match", bad.ifMatch());
        }
        HttpResponse<String> response = client.send(request);

        String after = client.get(bad.probe()).body() + client.get(bad.probe() + "/history").body();
        ReliabilityReport.refused(new ReliabilityReport.Refusal(bad.tried(), bad.expected(), response.statusCode(),
                String.join(", ", bad.names()), before.equals(after)));
        assertThat(response.statusCode()).as(bad.tried() + ": " + response.body()).isEqualTo(bad.expected());
        assertThat(response.headers().firstValue("Content-Type")).as(bad.tried()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (!bad.names().isEmpty()) {
            assertThat(response.body()).as(bad.tried()).contains(bad.names().stream().map(n -> "\"" + n + "\"").toList());
        }
        assertThat(after).as(bad.tried() + ": the roadmap is as it was").isEqualTo(before);
    }

    /** The same claims with the signature of another key: the last part of the token replaced. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';
        return parts[0] + "." + parts[1] + "." + new String(signature);
    }
}
