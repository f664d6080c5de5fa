package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.gateway.session.SignedInUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of a stand-in service that records what reaches it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class GatewayRoutingTest {

    private static final StandInService service = new StandInService();
    private static final List<StandInService.Received> received = service.received;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        service.standInForEveryService(registry);
        registry.add("KEYCLOAK_URL", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveSessionRepository<?> sessions;

    /** A signed-in session, as the session store holds it after a sign-in through Keycloak; its id. */
    private static <S extends Session> String signedIn(ReactiveSessionRepository<S> sessions) {
        S session = sessions.createSession().block();
        session.setAttribute("SPRING_SECURITY_CONTEXT", SignedInUser.securityContext("circular-lead", Instant.now()));
        sessions.save(session).block();
        return session.getId();
    }

    @BeforeEach
    void clear() {
        received.clear();
    }

    @Test
    void eachChallengeAndTheScorecardsAreRoutedToTheirService() {
        for (String path : List.of("/api/circular", "/api/mobility/milestones", "/api/health/milestones/x",
                "/api/digital", "/api/talent/milestones", "/api/scorecards", "/api/scorecards/circular")) {
            web.get().uri(path).exchange().expectStatus().isOk();
        }
        assertThat(received).extracting(StandInService.Received::path).containsExactly("/api/circular", "/api/mobility/milestones",
                "/api/health/milestones/x", "/api/digital", "/api/talent/milestones", "/api/scorecards", "/api/scorecards/circular");
        web.get().uri("/api/unknown").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void theGatewayListsTheChallengesOfTheRegistryInOverviewOrderItself() {
        web.get().uri("/api/challenges").exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        [{"code":"circular","name":{"nl":"Circulaire Economie","en":"Circular Economy"},"colour":"#2e6b30","position":1},
                         {"code":"mobility","name":{"nl":"Mobiliteit","en":"Mobility"},"colour":"#1d70b8","position":2},
                         {"code":"health","name":{"nl":"Gezondheid","en":"Health"},"colour":"#a0225c","position":3},
                         {"code":"digital","name":{"nl":"Digitale connectiviteit","en":"Digital connectivity"},"colour":"#4c2c92","position":4},
                         {"code":"talent","name":{"nl":"Talent voor de Toekomst","en":"Talent for the Future"},"colour":"#005a70","position":5}]
                        """, org.springframework.test.json.JsonCompareMode.STRICT);
        assertThat(received).as("answered by the gateway, not routed").isEmpty();
    }

    @Test
    void aBearerTokenPassesThroughAndTheGatewaysCookiesDoNot() {
        web.put().uri("/api/circular/milestones/heat-2017/status")
                .header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi")
                .header(HttpHeaders.COOKIE, "SESSION=gateway-session; XSRF-TOKEN=t")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer abc.def.ghi");
            assertThat(r.cookie()).isNull();
        });
    }

    @Test
    void aWriteRidingOnARealSessionNeedsTheCsrfTokenEvenWithABearerHeader() {
        String session = signedIn(sessions);
        web.put().uri("/api/circular/milestones/heat-2017/status")
                .header(HttpHeaders.COOKIE, "SESSION=" + session)
                .header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        assertThat(received).isEmpty();
    }

    @Test
    void aWriteWithoutAnyCredentialReachesTheServiceWhichAnswers401() {
        web.put().uri("/api/circular/milestones/heat-2017/status")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
        assertThat(received).singleElement().extracting(StandInService.Received::authorization).isNull();
    }

    @Test
    void signingInRedirectsToKeycloakWithPkce() {
        web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("http://127.0.0.1:9/realms/mra/protocol/openid-connect/auth")
                        .contains("client_id=mra-gateway", "code_challenge=", "code_challenge_method=S256"));
    }

    @Test
    void signingInAsksKeycloakForTheDashboardsLanguageAndOnlyForOneTheRealmOffers() {
        web.get().uri("/oauth2/authorization/keycloak?lang=en").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("ui_locales=en", "code_challenge="));
        web.get().uri("/oauth2/authorization/keycloak?lang=nl").exchange()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).contains("ui_locales=nl"));
        web.get().uri("/oauth2/authorization/keycloak?lang=xx%26prompt%3Dnone").exchange()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).doesNotContain("ui_locales", "prompt"));
    }

    @Test
    void versionedWebJarsMayBeKeptByBrowsersTheDashboardsOwnFilesNot() {
        web.get().uri("/webjars/echarts/5.3.1/dist/echarts.min.js").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        web.get().uri("/assets/app.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void onlyTheEmbeddableScorecardMayBeFramedByOtherSites() {
        web.get().uri("/embed.html?challenge=circular").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors *"))
                .expectHeader().doesNotExist("X-Frame-Options");
        web.get().uri("/").exchange()
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"));
    }

    @Test
    void theDashboardIsPublicAndServedUnderAStrictContentSecurityPolicy() {
        web.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        web.get().uri("/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.authenticated").isEqualTo(false);
    }
}
