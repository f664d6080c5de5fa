package nl.amsterdameconomicboard.roadmaps.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;

/**
 * The gateway with its session store: sign-in starts that store nothing, a stored session that signs the browser
 * in and whose token is relayed, refreshed through the store when it has expired, and deleted at sign-out.
 * Keycloak's token endpoint and the services are one stand-in that records what reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient
class SessionsThroughTheGatewayTest {

    private static final StandIn standIn = new StandIn();

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        for (String service : List.of("CIRCULAR", "MOBILITY", "HEALTH", "DIGITAL", "TALENT", "SCORECARD")) {
            registry.add(service + "_SERVICE_URL", standIn::url);
        }
        registry.add("KEYCLOAK_URL", standIn::url);
    }

    @AfterAll
    static void stopStandIn() {
        standIn.server.stop(0);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MongoSessionRepository sessions;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void clear() {
        standIn.relayed.clear();
        standIn.tokenRequests.clear();
    }

    @Test
    void aThousandSignInStartsStoreNoSession() {
        long before = storedSessions();
        for (int i = 0; i < 1_000; i++) {
            MultiValueMap<String, ResponseCookie> cookies = web.get().uri("/oauth2/authorization/keycloak").exchange()
                    .expectStatus().is3xxRedirection()
                    .returnResult(Void.class).getResponseCookies();
            assertThat(cookies).containsKey(SignInCookie.NAME).doesNotContainKey("SESSION");
        }
        assertThat(storedSessions()).isEqualTo(before);
    }

    @Test
    void aStoredSessionSignsTheBrowserInAndItsAccessTokenIsRelayed() {
        String session = storeSession("mobility-lead", Instant.now(), "access-1");

        web.get().uri("/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("mobility-lead").jsonPath("$.roles[0]").isEqualTo("mobility-editor");
        web.get().uri("/api/mobility").cookie("SESSION", session).exchange().expectStatus().isOk();

        assertThat(standIn.relayed).containsExactly("Bearer access-1");
        assertThat(standIn.tokenRequests).isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheNewTokensAreStoredForTheNextRequestAndReplica() {
        String session = storeSession("talent-lead", Instant.now().minus(Duration.ofMinutes(10)), "access-1");

        web.get().uri("/api/talent").cookie("SESSION", session).exchange().expectStatus().isOk();

        assertThat(standIn.tokenRequests).singleElement().satisfies(form ->
                assertThat(form).contains("grant_type=refresh_token", "refresh_token=refresh-1"));
        assertThat(standIn.relayed).containsExactly("Bearer access-2");
        Map<String, SessionAuthorizedClients.Tokens> stored = sessions.findById(session).block().getAttribute(SessionAuthorizedClients.ATTRIBUTE);
        assertThat(stored.get("keycloak").accessToken().getTokenValue()).isEqualTo("access-2");
        assertThat(stored.get("keycloak").refreshToken().getTokenValue()).isEqualTo("refresh-2");

        web.get().uri("/api/talent").cookie("SESSION", session).exchange().expectStatus().isOk();
        assertThat(standIn.tokenRequests).as("the refreshed token is used, not refreshed again").hasSize(1);
        assertThat(standIn.relayed).containsExactly("Bearer access-2", "Bearer access-2");
    }

    @Test
    void signingOutDeletesTheSessionFromTheStore() {
        String session = storeSession("admin", Instant.now(), "access-1");

        web.post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", "csrf-1").header("X-XSRF-TOKEN", "csrf-1")
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .contains("/protocol/openid-connect/logout", "id_token_hint=id-token-of-admin"));

        assertThat(mongo.findById(session, Document.class, MongoSessionRepository.COLLECTION).block()).isNull();
        web.get().uri("/me").cookie("SESSION", session).exchange()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false);
        web.get().uri("/api/circular").cookie("SESSION", session).exchange().expectStatus().isOk();
        assertThat(standIn.relayed).as("no token relayed for a deleted session").containsExactly((String) null);
    }

    @Test
    void theGatewayIsHealthyWithItsSessionStore() {
        // Boot's own Mongo check asks "hello", which the embedded store does not know: the gateway would never be healthy
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** A session as a sign-in through Keycloak leaves it, with tokens issued at {@code issuedAt} for five minutes. */
    private String storeSession(String user, Instant issuedAt, String accessToken) {
        StoredSession session = sessions.createSession().block();
        session.setAttribute(SessionAuthorizedClients.ATTRIBUTE, SignedInUser.tokens(user, accessToken, issuedAt, Duration.ofMinutes(5), "refresh-1"));
        session.setAttribute(StoredSession.SECURITY_CONTEXT, SignedInUser.securityContext(user, issuedAt));
        sessions.save(session).block();
        return session.getId();
    }

    private long storedSessions() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), MongoSessionRepository.COLLECTION).block();
    }

    /** Keycloak's token endpoint, answering every refresh with access-2 and refresh-2, and the services behind the gateway. */
    private static final class StandIn {

        final List<String> tokenRequests = new CopyOnWriteArrayList<>();
        final List<String> relayed = new CopyOnWriteArrayList<>();
        final HttpServer server;

        StandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/realms/mra/protocol/openid-connect/token", exchange -> {
                tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(exchange, """
                        {"access_token": "access-2", "token_type": "Bearer", "expires_in": 300, "refresh_token": "refresh-2", "scope": "openid profile"}""");
            });
            server.createContext("/", exchange -> {
                relayed.add(exchange.getRequestHeaders().getFirst("Authorization"));
                answer(exchange, "{\"ok\":true}");
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
