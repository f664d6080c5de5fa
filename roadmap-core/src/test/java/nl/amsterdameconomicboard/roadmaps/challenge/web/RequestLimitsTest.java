package nl.amsterdameconomicboard.roadmaps.challenge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.Indicators;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTestInfrastructure;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.support.test.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a challenge service reads at most, on a real servlet container (the size limit and the forwarded headers
 * work below Spring MVC): bodies over the limit are refused with 413 before they are read, unknown fields are named,
 * the JSON reader has limits, and a Location names the address the gateway forwarded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestEngines.class, ChallengeServiceTestInfrastructure.class})
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=limits",
        "roadmap.limits.max-import-body=256KB"})
class RequestLimitsTest {

    private static final String LEAD = TestTokens.get().bearer("circular-lead", "circular-editor");
    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    Indicators indicators;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeAByteOfItIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            // 80 MB announced, none of it sent, no token: the answer must come anyway, before any other check
            out.write(("POST /api/circular/indicators/homes-on-residual-heat/measurements HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 83886080\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(answerOf(socket)).startsWith("HTTP/1.1 413").contains("application/problem+json", "/problems/body-too-large");
        }
    }

    @Test
    void aBodyJustOverTheLimitIsRefusedWith413AndNothingChanges() throws Exception {
        long before = indicators.byId("homes-on-residual-heat").orElseThrow().revision();
        HttpResponse<String> response = post("/api/circular/indicators/homes-on-residual-heat/measurements",
                HttpRequest.BodyPublishers.ofString(measurement("\"note\": \"" + "x".repeat(LIMIT) + "\"")));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(indicators.byId("homes-on-residual-heat").orElseThrow().revision()).isEqualTo(before);
    }

    @Test
    void anImportMayBeLargerThanOtherBodiesUpToItsOwnLimit() throws Exception {
        StringBuilder file = new StringBuilder("indicator,date,value,source\n");
        for (int day = 0; file.length() < 200 * 1024; day++) {
            file.append("homes-on-residual-heat,").append(LocalDate.of(1990, 1, 1).plusDays(day)).append(",1000,Warmtemonitor\n");
        }
        HttpResponse<String> dryRun = http.send(request("/api/circular/indicators/measurements/import?dryRun=true")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(file.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);

        file.append(file.substring(file.indexOf("\n") + 1)); // about 400 KB: over the import limit of this test (256 KB)
        HttpResponse<String> tooLarge = http.send(request("/api/circular/indicators/measurements/import?dryRun=true")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(file.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("256 KB");
    }

    @Test
    void aStreamedBodyWithoutLengthIsCutOffAtTheLimitWith413() throws Exception {
        byte[] body = measurement("\"note\": \"" + "y".repeat(4 * LIMIT) + "\"").getBytes(StandardCharsets.UTF_8);
        // no Content-Length: sent chunked, so only counting what is read can stop it
        HttpResponse<String> response = post("/api/circular/indicators/homes-on-residual-heat/measurements",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo("/problems/body-too-large");
    }

    @Test
    void anUnknownFieldIsRefusedByNameInsteadOfIgnored() throws Exception {
        HttpResponse<String> typo = post("/api/circular/indicators/homes-on-residual-heat/measurements",
                HttpRequest.BodyPublishers.ofString("{\"date\": \"" + LocalDate.now() + "\", \"vaule\": 3, \"source\": \"Monitor\"}"));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(typo.body());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("vaule");
        assertThat(problem.path("detail").asString()).contains("vaule");

        HttpResponse<String> operator = put("/api/circular/milestones/heat-2017/status",
                "{\"status\": \"ON_TRACK\", \"note\": \"fine\", \"$where\": \"sleep(1000)\"}");
        assertThat(operator.statusCode()).isEqualTo(400);
        assertThat(json.readTree(operator.body()).path("errors").get(0).path("field").asString()).isEqualTo("$where");

        HttpResponse<String> nested = post("/api/circular/initiatives", HttpRequest.BodyPublishers.ofString("""
                {"id": "strict-json", "spearhead": "heat", "title": {"nl": "Streng"}, "status": "PLANNED",
                 "partners": [{"name": "Gemeente Zaanstad", "type": "GOVERNMENT", "role": "lead"}]}"""));
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(json.readTree(nested.body()).path("errors").get(0).path("field").asString()).isEqualTo("partners[0].role");
        assertThat(get("/api/circular/initiatives/strict-json").statusCode()).isEqualTo(404);
    }

    @Test
    void theJsonReaderRefusesDeepNestingAndOverlongStrings() {
        String deep = "[".repeat(40) + "]".repeat(40);
        assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting");
        String longString = "\"" + "z".repeat(70_000) + "\"";
        assertThatThrownBy(() -> json.readTree(longString)).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("String value length");
        assertThat(json.readTree("[".repeat(10) + "]".repeat(10)).isArray()).isTrue();
    }

    @Test
    void aCreatedInitiativesLocationNamesTheAddressTheGatewayForwarded() throws Exception {
        HttpRequest.Builder create = request("/api/circular/initiatives").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"id": "forwarded-location", "spearhead": "heat", "title": {"nl": "Doorgestuurd"}, "status": "PLANNED"}"""));
        // as the gateway sends them: the browser's view of the gateway, from a proxy on loopback (trusted)
        HttpResponse<String> created = http.send(create.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "board.example.org")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("https://board.example.org/api/circular/initiatives/forwarded-location");
    }

    /** What the server answered, read as it arrives: the connection stays open, the server owes no more. */
    private static String answerOf(Socket socket) throws Exception {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[1024];
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!answer.toString().endsWith("}") && System.nanoTime() < deadline) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private static String measurement(String extra) {
        return "{\"date\": \"" + LocalDate.now() + "\", \"value\": 190000, \"source\": \"Warmtemonitor\", " + extra + "}";
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", LEAD);
    }
}
