package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's nightly import as the README shows it, on the running platform ({@link SharedPlatform}): a token from
 * Keycloak by the client-credentials grant of the team's machine client, then the file through the gateway. The token
 * writes to its own challenge only, and the history names the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlatformSettings settings;
    private GatewayClient client;

    @BeforeAll
    void startPlatform() throws Exception {
        settings = SharedPlatform.get();
        client = new GatewayClient(settings);
    }

    @Test
    void mobilitysMachineClientImportsIntoMobilityAsItselfAndIsRefusedElsewhere() throws Exception {
        String token = clientCredentials("mobility-importer", "local-demo-mobility-importer");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("azp").asString()).isEqualTo("mobility-importer");
        assertThat(claims.path("aud").toString()).contains("mra-api");
        assertThat(claims.path("realm_access").path("roles").toString()).as("the editor role and nothing else")
                .isEqualTo("[\"mobility-editor\"]");

        JsonNode typedIn = typedInIndicator("mobility");
        String indicator = typedIn.path("id").asString();
        String today = LocalDate.now().toString();
        // a value the indicator's unit and range allow (half its target, and a half), as a Dutch spreadsheet saves it:
        // semicolons, a decimal comma, thousands with points
        double value = Math.floor(typedIn.path("target").asDouble() / 2) + 0.5;
        String file = "indicator;date;value;source;note\n" + indicator + ";" + today + ";\""
                + String.format(java.util.Locale.forLanguageTag("nl-NL"), "%,.1f", value) + "\";nightly export;TeamImportIT\n";

        HttpResponse<String> dryRun = importing("mobility", file, true, token);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(JSON.readTree(dryRun.body()).path("rows").get(0).path("outcome").asString()).isEqualTo("NEW");
        HttpResponse<String> imported = importing("mobility", file, false, token);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).path("added").asInt()).isEqualTo(1);
        HttpResponse<String> again = importing("mobility", file, false, token);
        assertThat(JSON.readTree(again.body()).path("unchanged").asInt()).as("the same file again changes nothing").isEqualTo(1);

        HttpResponse<String> history = client.send(HttpRequest.newBuilder(client.gateway("/api/mobility/indicators/" + indicator + "/history"))
                .header("Authorization", "Bearer " + token));
        assertThat(history.statusCode()).isEqualTo(200);
        JsonNode latest = JSON.readTree(history.body()).path("items").get(0);
        assertThat(latest.path("action").asString()).isEqualTo("measurements imported");
        assertThat(latest.path("by").asString()).as("recorded as the client, not its service account user").isEqualTo("mobility-importer");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(scorecardValue("mobility", indicator))
                .as("the imported value on the scorecard").isEqualTo(value));

        HttpResponse<String> elsewhere = importing("circular", file.replace(indicator, typedInIndicator("circular").path("id").asString()), false, token);
        assertThat(elsewhere.statusCode()).as("another team's challenge").isEqualTo(403);
        assertThat(client.send(tokenRequest("mobility-importer", "not-the-secret")).statusCode()).isEqualTo(401);
    }

    private String clientCredentials(String clientId, String secret) throws Exception {
        HttpResponse<String> response = client.send(tokenRequest(clientId, secret));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private HttpRequest.Builder tokenRequest(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
    }

    private HttpResponse<String> importing(String challenge, String file, boolean dryRun, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(client.gateway("/api/" + challenge + "/indicators/measurements/import?dryRun=" + dryRun))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8)));
    }

    /** The first indicator of the challenge whose values are typed in (not counted by the platform). */
    private JsonNode typedInIndicator(String challenge) throws Exception {
        for (JsonNode indicator : JSON.readTree(client.get("/api/" + challenge + "/indicators?size=200").body()).path("items")) {
            if (!indicator.path("computed").asBoolean()) {
                return indicator;
            }
        }
        throw new AssertionError(challenge + " has no indicator with typed-in values");
    }

    private Double scorecardValue(String challenge, String indicator) throws Exception {
        List<JsonNode> found = new ArrayList<>(JSON.readTree(client.get("/api/scorecards/" + challenge).body()).findParents("indicator"));
        return found.stream().filter(n -> n.path("indicator").asString().equals(indicator) && n.has("latest"))
                .map(n -> n.path("latest").path("value").asDouble()).findFirst().orElse(null);
    }
}
