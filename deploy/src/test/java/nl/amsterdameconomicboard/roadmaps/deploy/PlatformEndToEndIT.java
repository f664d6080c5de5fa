package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole platform as ./platform up starts it (real Kafka broker, the embedded store, real Keycloak, the six
 * services, the gateway), on ports 10000 away from the defaults so that a running local platform is not disturbed
 * ({@link SharedPlatform}).
 * Everything goes through the gateway, as a user or a script would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformEndToEndIT {

    private PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startPlatform() throws Exception {
        settings = SharedPlatform.get();
    }

    @Test
    void anonymousUsersReadEveryChallengeAndTheBoardOverview() throws Exception {
        HttpResponse<String> circular = get("/api/circular", null);
        assertThat(circular.statusCode()).isEqualTo(200);
        assertThat(circular.body()).contains("\"ambition2025\"", "Warmte als circulaire grondstof", "heat-2017");
        for (String challenge : new String[] {"mobility", "health", "digital", "talent"}) {
            assertThat(get("/api/" + challenge + "/milestones", null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> overview = get("/api/scorecards", null);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"circular\"", "\"mobility\"", "\"health\"", "\"digital\"", "\"talent\"");
    }

    @Test
    void anEditorsMilestoneChangeReachesTheScorecardThroughTheGateway() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> atRisk("talent") >= 0 && get("/api/scorecards/talent", null).body().contains("\"total\":5"));
        assertThat(get("/api/talent/milestones/talent-to-work-2017", null).body()).doesNotContain("\"status\":\"AT_RISK\"");
        int atRiskBefore = atRisk("talent"); // other tests on this platform may have put another talent milestone at risk

        BlockingQueue<String> stream = new LinkedBlockingQueue<>();
        http.sendAsync(request(gateway("/api/scorecards/stream")).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(stream::add));
        Thread.sleep(500);

        HttpResponse<String> change = put("/api/talent/milestones/talent-to-work-2017/status",
                "{\"status\": \"AT_RISK\", \"note\": \"7,200 of 9,000 people trained or placed\"}", "Bearer " + token("talent-lead"));
        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(change.body()).contains("\"status\":\"AT_RISK\"");

        String announced = stream.poll(2, TimeUnit.SECONDS);
        while (announced != null && !announced.contains("talent/talent-to-work-2017")) {
            announced = stream.poll(2, TimeUnit.SECONDS);
        }
        assertThat(announced).as("the change on the scorecard stream through the gateway within 2 s").isNotNull();
        await().atMost(Duration.ofSeconds(2)).until(() -> atRisk("talent") == atRiskBefore + 1);
        assertThat(get("/api/talent/milestones/talent-to-work-2017", null).body()).contains("\"status\":\"AT_RISK\"");
    }

    @Test
    void writesWithoutATokenOrWithoutTheRoleAreRefused() throws Exception {
        String body = "{\"status\": \"ON_TRACK\", \"note\": \"should not land\"}";
        String path = "/api/circular/milestones/co2-2017/status";
        String before = get("/api/circular/milestones/co2-2017", null).body(); // as the other tests left it
        assertThat(put(path, body, null).statusCode()).isEqualTo(401);
        assertThat(put(path, body, "Bearer not-a-token").statusCode()).isEqualTo(401);
        for (String user : new String[] {"mobility-lead", "partner", "board"}) {
            assertThat(put(path, body, "Bearer " + token(user)).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(get("/api/circular/milestones/co2-2017", null).body()).as("unchanged").isEqualTo(before);
    }

    @Test
    void aPartnerReportsProgressOnlyOnItsOwnOrganisationsInitiative() throws Exception {
        String partner = "Bearer " + token("partner"); // organisation ManpowerGroup, from Keycloak's user attribute
        HttpResponse<String> own = post("/api/talent/initiatives/werk-maken-van-talent/progress",
                "{\"text\": \"120 job seekers placed this quarter\"}", partner);
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(own.body()).contains("\"organisation\":\"ManpowerGroup\"");
        assertThat(post("/api/talent/initiatives/future-of-work-research/progress", "{\"text\": \"not ours\"}", partner).statusCode())
                .isEqualTo(403);
    }

    @Test
    void oversizedBodiesAndUnknownFieldsAreRefusedAsProblemsThroughTheGatewayAndDirectly() throws Exception {
        String lead = "Bearer " + token("circular-lead");
        String path = "/api/circular/milestones/co2-2017/status";
        String before = get("/api/circular/milestones/co2-2017", null).body(); // as the other tests left it
        String oversized = "{\"status\": \"ON_TRACK\", \"note\": \"" + "x".repeat(100_000) + "\"}";
        HttpResponse<String> atTheGateway = put(path, oversized, lead);
        assertThat(atTheGateway.statusCode()).isEqualTo(413);
        assertThat(atTheGateway.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> atTheService = http.send(request(URI.create(settings.serviceUrl("circular-service") + path))
                .header("Authorization", lead).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(oversized)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(atTheService.statusCode()).isEqualTo(413);
        assertThat(atTheService.body()).contains("/problems/body-too-large");

        HttpResponse<String> typo = put(path, "{\"status\": \"ON_TRACK\", \"note\": \"typo\", \"stauts\": \"ACHIEVED\"}", lead);
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("\"field\":\"stauts\"");
        assertThat(get("/api/circular/milestones/co2-2017", null).body()).as("unchanged").isEqualTo(before);
    }

    @Test
    void aCreatedInitiativesLocationNamesTheGatewayNotTheService() throws Exception {
        String id = "located-" + System.currentTimeMillis();
        HttpResponse<String> created = post("/api/talent/initiatives", """
                {"id": "%s", "spearhead": "%s", "title": {"nl": "Adres via de gateway"}, "status": "PLANNED"}"""
                .formatted(id, talentSpearhead()), "Bearer " + token("talent-lead"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(settings.gatewayUrl() + "/api/talent/initiatives/" + id);
        assertThat(get("/api/talent/initiatives/" + id, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theRealmLocksAnAccountAfterGuessedPasswordsAndRefusesAWeakPassword() throws Exception {
        // health-lead is no one else's in these tests: five wrong guesses, then even the right password is refused for now
        for (int i = 0; i < 5; i++) {
            assertThat(passwordGrant("health-lead", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(passwordGrant("health-lead", "demo").statusCode()).as("locked for a while").isIn(400, 401);

        String admin = masterAdminToken();
        HttpResponse<String> users = http.send(request(URI.create(settings.keycloakUrl() + "/admin/realms/mra/users?exact=true&username=health-lead"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        Matcher userId = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(users.body());
        assertThat(userId.find()).as(users.body()).isTrue();
        HttpResponse<String> weak = http.send(request(URI.create(settings.keycloakUrl() + "/admin/realms/mra/users/" + userId.group(1)
                        + "/reset-password")).header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\": \"password\", \"value\": \"short1\", \"temporary\": false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).containsIgnoringCase("password");
    }

    @Test
    void eachChallengeServicesOpenApiDocumentIsReachableThroughTheGateway() throws Exception {
        for (String challenge : new String[] {"circular", "mobility", "health", "digital", "talent"}) {
            HttpResponse<String> docs = get("/api/" + challenge + "/v3/api-docs", null);
            assertThat(docs.statusCode()).as(challenge).isEqualTo(200);
            assertThat(docs.body()).contains("/api/" + challenge + "/milestones/{id}/status");
        }
    }

    @Test
    void aBrowserSignsInThroughKeycloakAndItsSessionTokenIsRelayed() throws Exception {
        SignInBrowser browser = new SignInBrowser(http);
        browser.signIn(settings.gatewayUrl(), settings.issuer(), "mobility-lead");

        assertThat(browser.get(gateway("/me")).body()).contains("\"username\":\"mobility-lead\"");

        String body = "{\"status\": \"ON_TRACK\", \"note\": \"Meet-ups planned\"}";
        URI milestone = gateway("/api/mobility/milestones/maas-2017/status");
        HttpResponse<String> withoutCsrf = browser.send(request(milestone).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withoutCsrf.statusCode()).as("a session write without the CSRF token").isEqualTo(403);

        HttpResponse<String> withCsrf = browser.write("PUT", milestone, body);
        assertThat(withCsrf.statusCode()).isEqualTo(200);
        assertThat(withCsrf.body()).contains("\"status\":\"ON_TRACK\"");
    }

    private int atRisk(String challenge) throws Exception {
        Matcher m = Pattern.compile("\"milestones\":\\{[^}]*\"atRisk\":(\\d+)").matcher(get("/api/scorecards/" + challenge, null).body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private String token(String user) throws Exception {
        return new GatewayClient(settings).token(user);
    }

    private HttpResponse<String> passwordGrant(String user, String password) throws Exception {
        return new GatewayClient(settings).passwordGrant(user, password);
    }

    /** The local Keycloak's own administrator (master realm, admin/admin: local only), to try what the realm allows. */
    private String masterAdminToken() throws Exception {
        HttpResponse<String> response = http.send(request(URI.create(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=admin-cli&grant_type=password&username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return m.group(1);
    }

    /** A spearhead of talent, from its roadmap. */
    private String talentSpearhead() throws Exception {
        Matcher m = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(get("/api/talent/spearheads", null).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = request(gateway(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = request(gateway(path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String json, String authorization) throws Exception {
        HttpRequest.Builder request = request(gateway(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI gateway(String path) {
        return URI.create(settings.gatewayUrl() + path);
    }

    private static HttpRequest.Builder request(URI uri) {
        return SignInBrowser.request(uri);
    }
}
