package nl.amsterdameconomicboard.roadmaps.scorecard;

import static nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.permissions.PathExamples;
import nl.amsterdameconomicboard.roadmaps.permissions.PermissionMatrix;
import nl.amsterdameconomicboard.roadmaps.permissions.SecurityDocument;
import nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every route of the scorecard service, called as every kind of caller: what security decided is the section
 * "scorecard-service" of docs/security.md, so a route added or decided differently fails here until the document
 * shows it. Tokens are spring-security-test's, their realm roles read by the services' own {@link KeycloakRealmRoles}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = ScorecardTestStore.class)
class PermissionMatrixTest {

    /**
     * The circular service as an admin's rebuild reads it: a challenge with nothing in it yet; and Keycloak as the
     * reminders read it: a token for the client, a realm without users.
     */
    private static final HttpServer circular = emptyChallengeService();

    @DynamicPropertySource
    static void challengeService(DynamicPropertyRegistry registry) {
        registry.add("CIRCULAR_SERVICE_URL", () -> "http://127.0.0.1:" + circular.getAddress().getPort());
        // an admin's "send the digests now" finds a realm without editors, so no mail server is ever reached
        registry.add("reminders.keycloak.url", () -> "http://127.0.0.1:" + circular.getAddress().getPort());
        registry.add("reminders.keycloak.client-secret", () -> "permission-matrix-test-secret");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> "9");
    }

    @AfterAll
    static void stopChallengeService() {
        circular.stop(0);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteIsDecidedAsThePermissionMatrixSays() throws Exception {
        LinkedHashMap<String, RequestPostProcessor> callers = new LinkedHashMap<>();
        callers.put("anonymous", anonymous());
        callers.put("no role", token("someone"));
        callers.put("`board`", token("board", "board"));
        callers.put("`partner`", token("partner", "partner"));
        callers.put("a `{c}-editor`", token("circular-lead", "circular-editor"));
        callers.put("`admin`", token("admin", "admin"));
        PermissionMatrix matrix = new ServletProbe(context, callers)
                .paths(new PathExamples(Map.of("{challenge}", "circular")))
                .matrix();
        SecurityDocument.check("scorecard-service", """
                ### The scorecard service

                Written by scorecard-service's `PermissionMatrixTest`.

                """ + matrix.toMarkdown());
    }

    private static RequestPostProcessor token(String username, String... roles) {
        return jwt().jwt(token -> token.claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(new KeycloakRealmRoles());
    }

    private static HttpServer emptyChallengeService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = (path.endsWith("/spearheads") || path.startsWith("/admin/realms/") ? "[]"
                        : path.endsWith("/openid-connect/token") ? "{\"access_token\": \"matrix\", \"token_type\": \"Bearer\"}"
                        : "{\"items\": [], \"page\": 0, \"size\": 200, \"totalItems\": 0, \"totalPages\": 0}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
