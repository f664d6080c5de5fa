package nl.amsterdameconomicboard.roadmaps.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import reactor.core.publisher.Mono;

/** A sign-in under way, carried by the browser: sealed, bound to its state, short-lived, opened by every replica. */
class SignInCookieTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final MongoSessionRepositoryTest.MovableClock clock = new MongoSessionRepositoryTest.MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private SignInCookie cookies;

    @BeforeEach
    void store() {
        client = MongoClients.create(EmbeddedSessionStore.uri());
        mongo = new ReactiveMongoTemplate(client, "sign-in-" + UUID.randomUUID());
        cookies = new SignInCookie(new SignInKey(mongo), TIMEOUT, clock);
    }

    @AfterEach
    void close() {
        mongo.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();
        client.close();
    }

    @Test
    void theCallbackGetsBackTheAuthorizationRequestWithItsNonceAndPkceVerifier() {
        OAuth2AuthorizationRequest started = authorizationRequest("state-1");
        ResponseCookie cookie = save(cookies, started);

        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/login/oauth2/code/");
        assertThat(cookie.getMaxAge()).isEqualTo(TIMEOUT);
        assertThat(cookie.isSecure()).as("plain HTTP locally").isFalse();
        assertThat(cookie.getValue()).as("sealed: no verifier, nonce or client id in the clear")
                .doesNotContain("verifier-of-state-1", "nonce-of-state-1", "mra-gateway").hasSizeLessThan(1_000);

        OAuth2AuthorizationRequest back = cookies.loadAuthorizationRequest(callback("state-1", cookie.getValue())).block();
        assertThat(back).isNotNull();
        assertThat(back.getState()).isEqualTo("state-1");
        assertThat(back.getClientId()).isEqualTo("mra-gateway");
        assertThat(back.getRedirectUri()).isEqualTo(started.getRedirectUri());
        assertThat(back.getAuthorizationUri()).isEqualTo(started.getAuthorizationUri());
        assertThat(back.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(back.getAttributes()).isEqualTo(started.getAttributes());
        assertThat(back.getAdditionalParameters()).isEqualTo(started.getAdditionalParameters());
    }

    @Test
    void overHttpsTheCookieIsSecure() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("https://roadmaps.example/oauth2/authorization/keycloak"));
        cookies.saveAuthorizationRequest(authorizationRequest("state-2"), exchange).block();
        assertThat(exchange.getResponse().getCookies().getFirst(SignInCookie.NAME).isSecure()).isTrue();
    }

    @Test
    void anotherGatewayOnTheSameStoreOpensIt() {
        ResponseCookie cookie = save(cookies, authorizationRequest("state-3"));
        SignInCookie otherReplica = new SignInCookie(new SignInKey(mongo), TIMEOUT, clock);

        assertThat(otherReplica.loadAuthorizationRequest(callback("state-3", cookie.getValue())).block()).isNotNull();
    }

    @Test
    void aCookieSealedWithAnotherKeyOrChangedInTransitIsRefused() {
        ResponseCookie cookie = save(cookies, authorizationRequest("state-4"));
        ReactiveMongoTemplate otherStore = new ReactiveMongoTemplate(client, "sign-in-" + UUID.randomUUID());
        SignInCookie otherPlatform = new SignInCookie(new SignInKey(otherStore), TIMEOUT, clock);
        assertThat(otherPlatform.loadAuthorizationRequest(callback("state-4", cookie.getValue())).block()).isNull();
        otherStore.getMongoDatabase().flatMap(db -> Mono.from(db.drop())).block();

        String value = cookie.getValue();
        int middle = value.length() / 2;
        String changed = value.substring(0, middle) + (value.charAt(middle) == 'A' ? 'B' : 'A') + value.substring(middle + 1);
        assertThat(cookies.loadAuthorizationRequest(callback("state-4", changed)).block()).isNull();
        assertThat(cookies.loadAuthorizationRequest(callback("state-4", "not-even-base64!")).block()).isNull();
        assertThat(cookies.loadAuthorizationRequest(callback("state-4", "")).block()).isNull();
    }

    @Test
    void theStateMustMatchAndTheCookieMustBeYoungerThanTheSignInTimeout() {
        ResponseCookie cookie = save(cookies, authorizationRequest("state-5"));
        assertThat(cookies.loadAuthorizationRequest(callback("another-state", cookie.getValue())).block()).isNull();

        clock.advance(TIMEOUT.minusSeconds(1));
        assertThat(cookies.loadAuthorizationRequest(callback("state-5", cookie.getValue())).block()).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(cookies.loadAuthorizationRequest(callback("state-5", cookie.getValue())).block())
                .as("kept by a browser past its Max-Age").isNull();
    }

    @Test
    void theCallbackRemovesTheCookie() {
        ResponseCookie cookie = save(cookies, authorizationRequest("state-6"));
        MockServerWebExchange callback = callback("state-6", cookie.getValue());

        assertThat(cookies.removeAuthorizationRequest(callback).block()).isNotNull();
        ResponseCookie cleared = callback.getResponse().getCookies().getFirst(SignInCookie.NAME);
        assertThat(cleared.getMaxAge()).isZero();
        assertThat(cleared.getPath()).isEqualTo(SignInCookie.PATH);
    }

    @Test
    void startingASignInStoresNothingButTheKey() {
        for (int i = 0; i < 200; i++) {
            save(cookies, authorizationRequest("state-" + i));
        }
        assertThat(mongo.getCollectionNames().collectList().block()).containsExactly(SignInKey.COLLECTION);
        assertThat(mongo.getCollection(SignInKey.COLLECTION).flatMap(c -> Mono.from(c.countDocuments())).block()).isEqualTo(1);
    }

    private ResponseCookie save(SignInCookie repository, OAuth2AuthorizationRequest request) {
        MockServerWebExchange start = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost:8080/oauth2/authorization/keycloak"));
        repository.saveAuthorizationRequest(request, start).block();
        return start.getResponse().getCookies().getFirst(SignInCookie.NAME);
    }

    private static MockServerWebExchange callback(String state, String cookie) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost:8080/login/oauth2/code/keycloak")
                .queryParam("code", "code-from-keycloak").queryParam("state", state)
                .cookie(new org.springframework.http.HttpCookie(SignInCookie.NAME, cookie)));
    }

    /** Shaped as Spring Security's resolver makes it for OIDC with PKCE. */
    private static OAuth2AuthorizationRequest authorizationRequest(String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://127.0.0.1:8180/realms/mra/protocol/openid-connect/auth")
                .clientId("mra-gateway")
                .redirectUri("http://localhost:8080/login/oauth2/code/keycloak")
                .scopes(Set.of("openid", "profile", "email"))
                .state(state)
                .additionalParameters(Map.of("nonce", "hash-of-nonce-of-" + state, PkceParameterNames.CODE_CHALLENGE, "challenge-of-" + state,
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .attributes(Map.of("registration_id", "keycloak", "nonce", "nonce-of-" + state, PkceParameterNames.CODE_VERIFIER,
                        "verifier-of-" + state))
                .build();
    }
}
