package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

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
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A public read costs the gateway only what passing it on needs: no session (not even an unsaved one), no CSRF
 * token, no cookie. Signed-in requests keep their session and CSRF token, and a change riding on a session without
 * its token is still refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class PublicReadsTest {

    private static final StandInService service = new StandInService();

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

    @MockitoSpyBean
    ReactiveSessionRepository<?> sessions;

    @BeforeEach
    void clear() {
        service.received.clear();
    }

    private String signedIn() {
        String id = signedIn(sessions);
        clearInvocations(sessions);
        return id;
    }

    /** A signed-in session, as the store holds it after a sign-in through Keycloak; its id. */
    private static <S extends Session> String signedIn(ReactiveSessionRepository<S> sessions) {
        S session = sessions.createSession().block();
        session.setAttribute("SPRING_SECURITY_CONTEXT", SignedInUser.securityContext("circular-lead", Instant.now()));
        sessions.save(session).block();
        return session.getId();
    }

    @Test
    void anAnonymousReadIsPassedOnWithoutSessionCsrfTokenOrCookie() {
        clearInvocations(sessions);
        for (String path : List.of("/api/scorecards/circular", "/api/circular", "/api/mobility/milestones?page=0")) {
            web.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }
        assertThat(service.received).hasSize(3);
        verify(sessions, never()).createSession();
        verify(sessions, never()).findById(any());
        verify(sessions, never()).save(any());
    }

    @Test
    void aReadWithItsOwnBearerTokenNeedsNoSessionEither() {
        clearInvocations(sessions);
        web.get().uri("/api/circular").header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        assertThat(service.received).singleElement().extracting(StandInService.Received::authorization).isEqualTo("Bearer abc.def.ghi");
        verify(sessions, never()).createSession();
    }

    @Test
    void theDashboardsPagesStillGiveTheCsrfCookieItsScriptsSendBack() {
        for (String page : List.of("/", "/me")) {
            web.get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectCookie().exists("XSRF-TOKEN")
                    .expectCookie().doesNotExist("SESSION");
        }
    }

    @Test
    void aSignedInRequestIsStillReadFromItsSessionAndGetsItsCsrfToken() {
        String session = signedIn();
        web.get().uri("/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectCookie().exists("XSRF-TOKEN")
                .expectBody().jsonPath("$.authenticated").isEqualTo(true).jsonPath("$.username").isEqualTo("circular-lead");
        verify(sessions).findById(session);
    }

    @Test
    void aChangeRidingOnASessionWithoutItsCsrfTokenIsStillRefused() {
        String session = signedIn();
        web.post().uri("/api/circular/initiatives").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/circular/initiatives").cookie("SESSION", session).cookie("XSRF-TOKEN", "t1").header("X-XSRF-TOKEN", "t2")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden();
        web.post().uri("/logout").cookie("SESSION", session).exchange().expectStatus().isForbidden();
        assertThat(service.received).isEmpty();
        web.get().uri("/me").cookie("SESSION", session).exchange()
                .expectBody().jsonPath("$.authenticated").isEqualTo(true);
    }
}
