package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The gateway's limits with small numbers, in front of a stand-in service and a stand-in of the realm's keys: bodies
 * over the limit, reads per client address, writes per user (a made-up token counts as anonymous), and the
 * X-Forwarded-* headers the services get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.limits.max-body=1KB", "gateway.limits.max-import-body=8KB",
        "gateway.limits.rate.reads-per-second=0.5", "gateway.limits.rate.read-burst=3",
        "gateway.limits.rate.writes-per-second=0.5", "gateway.limits.rate.write-burst=2"})
@AutoConfigureWebTestClient
@ActiveProfiles("local")
class GatewayLimitsTest {

    private static final StandInService services = new StandInService();
    private static final RealmKeys realm = new RealmKeys();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        services.standInForEveryService(registry);
        registry.add("KEYCLOAK_URL", realm::url);
    }

    @AfterAll
    static void stop() {
        services.stop();
        realm.stop();
    }

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    // each test reads and writes as a caller of its own (bucket per caller); only the first reads anonymously

    @Test
    void anonymousReadsAreLimitedPerClientAddressWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            web.get().uri("/api/circular").exchange().expectStatus().isOk();
        }
        web.get().uri("/api/circular").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2")
                .expectBody().jsonPath("$.type").isEqualTo("/problems/too-many-requests")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("your address"));
        // a forwarded address from a peer that is no trusted proxy changes nothing
        web.get().uri("/api/circular").header("X-Forwarded-For", "198.51.100.23").exchange().expectStatus().isEqualTo(429);
        // a signed-in user has a bucket of their own
        web.get().uri("/api/circular").header(HttpHeaders.AUTHORIZATION, realm.bearer("reader")).exchange().expectStatus().isOk();
    }

    @Test
    void writesAreLimitedPerUserAndMadeUpTokensShareTheAnonymousBucket() {
        String ann = realm.bearer("ann");
        write(ann).expectStatus().isOk();
        write(ann).expectStatus().isOk();
        write(ann).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("your account"));
        write(realm.bearer("bob")).expectStatus().isOk();

        // tokens the realm never signed: each one a new name, all counted as the one address they come from
        write(realm.forgedBearer("mallory-1")).expectStatus().isOk();
        write(realm.forgedBearer("mallory-2")).expectStatus().isOk();
        write(realm.forgedBearer("mallory-3")).expectStatus().isEqualTo(429);
    }

    @Test
    void anImportMayBeLargerThanOtherBodiesUpToItsOwnLimit() {
        String dora = realm.bearer("dora");
        MediaType csv = MediaType.parseMediaType("text/csv");
        web.post().uri("/api/circular/indicators/measurements/import?dryRun=true").header(HttpHeaders.AUTHORIZATION, dora)
                .contentType(csv).bodyValue("indicator,date,value,source\n" + "x,2025-12-31,1,y\n".repeat(250)).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/circular/indicators/measurements/import").header(HttpHeaders.AUTHORIZATION, dora)
                .contentType(csv).bodyValue("indicator,date,value,source\n" + "x,2025-12-31,1,y\n".repeat(700)).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("8 KB"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413DeclaredOrStreamed() {
        services.received.clear();
        String carl = realm.bearer("carl");
        web.post().uri("/api/circular/initiatives").header(HttpHeaders.AUTHORIZATION, carl).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"" + "x".repeat(2048) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/body-too-large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("The request body is larger"));
        assertThat(services.received).as("refused before anything was passed on").isEmpty();

        // no Content-Length: streamed in pieces, stopped once past the limit
        Flux<DataBuffer> pieces = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                "y".repeat(512).getBytes(StandardCharsets.UTF_8)));
        // and in Dutch for a client that asks for it, as the dashboard's Dutch view does
        web.post().uri("/api/circular/initiatives").header(HttpHeaders.AUTHORIZATION, carl).header(HttpHeaders.ACCEPT_LANGUAGE, "nl-NL,nl;q=0.9")
                .contentType(MediaType.APPLICATION_JSON).body(pieces, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/body-too-large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("De inhoud van het verzoek is groter"));
    }

    @Test
    void theServicesAreToldTheGatewaysAddressAndTheRealClientNotWhatTheClientClaims() {
        services.received.clear();
        web.get().uri("/api/circular").header(HttpHeaders.AUTHORIZATION, realm.bearer("dora"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-For", "198.51.100.23").exchange()
                .expectStatus().isOk();
        assertThat(services.received).singleElement().satisfies(r -> {
            assertThat(r.forwardedHost()).isEqualTo("localhost:" + port);
            assertThat(r.forwardedProto()).isEqualTo("http");
            assertThat(r.forwardedPort()).isEqualTo(Integer.toString(port));
            assertThat(r.forwardedFor()).isEqualTo("127.0.0.1");
        });
    }

    private WebTestClient.ResponseSpec write(String authorization) {
        return web.put().uri("/api/circular/milestones/heat-2017/status").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }

    /** The realm's key set at KEYCLOAK_URL, and tokens signed with its key (or, forged, with another). */
    static final class RealmKeys {

        private final RSAKey key;
        private final RSAKey otherKey;
        private final HttpServer server;

        RealmKeys() {
            try {
                key = new RSAKeyGenerator(2048).keyID("realm").generate();
                otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/realms/mra/protocol/openid-connect/certs", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                });
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String bearer(String username) {
            return "Bearer " + sign(key, username);
        }

        String forgedBearer(String username) {
            return "Bearer " + sign(otherKey, username);
        }

        private static String sign(RSAKey key, String username) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                        new JWTClaimsSet.Builder().subject(username).claim("preferred_username", username)
                                .audience(List.of("mra-api")).issueTime(new Date())
                                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            server.stop(0);
        }
    }
}
