package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sign-in under way (the OAuth2 authorization request with its state, nonce and PKCE verifier) travels in the
 * browser's {@value #NAME} cookie, sealed with AES-GCM, instead of in a server session. Starting a sign-in therefore
 * stores nothing at the gateway: any number of sign-in starts, from anyone, cannot fill the session store or lock
 * other people out; each costs the gateway one encryption.
 * <p>
 * The cookie is HttpOnly, sent only to the sign-in callback ({@value #PATH}), SameSite=Lax (Keycloak's redirect back
 * is a top-level navigation), Secure over HTTPS, and valid for {@code timeout}, also inside the seal, so an old cookie
 * kept by a browser past its Max-Age is refused too. AES-GCM keeps its content secret (the PKCE code verifier) and
 * refuses any change to it; the state parameter must match as with the session-based repository.
 */
final class SignInCookie implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String NAME = "SIGN_IN";
    /** Spring Security's callback, {@code /login/oauth2/code/{registrationId}}: the only place that reads this cookie. */
    static final String PATH = "/login/oauth2/code/";

    private static final Logger log = LoggerFactory.getLogger(SignInCookie.class);
    private static final byte[] ASSOCIATED_DATA = (NAME + " v1").getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom random = new SecureRandom();

    private final SignInKey key;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SignInCookie(SignInKey key, Duration timeout, Clock clock) {
        this.key = key;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** What the cookie carries: the authorization request's fields (its URI is rebuilt from them), and when it was made. */
    record SignInRequest(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
                         Map<String, String> parameters, Map<String, String> attributes, long issuedAt) {
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        SignInRequest carried = new SignInRequest(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                request.getScopes(), request.getState(), strings("parameter", request.getAdditionalParameters()),
                strings("attribute", request.getAttributes()), clock.instant().getEpochSecond());
        return key.get().map(secret -> seal(carried, secret)).doOnNext(value -> exchange.getResponse().addCookie(
                cookie(exchange, value).maxAge(timeout).build())).then();
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        String state = exchange.getRequest().getQueryParams().getFirst(OAuth2ParameterNames.STATE);
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        if (state == null || cookie == null) {
            return Mono.empty();
        }
        return key.get().mapNotNull(secret -> open(cookie.getValue(), secret))
                .filter(carried -> state.equals(carried.state()))
                .map(SignInCookie::authorizationRequest);
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        return loadAuthorizationRequest(exchange)
                .doOnNext(request -> exchange.getResponse().addCookie(cookie(exchange, "").maxAge(Duration.ZERO).build()));
    }

    private ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(NAME, value).path(PATH).httpOnly(true).sameSite("Lax")
                .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()));
    }

    String seal(SignInRequest carried, SecretKey secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(carried));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The sign-in cookie cannot be sealed", e);
        }
    }

    /** The carried request, or null when the cookie was changed, sealed with another key, or is too old. */
    SignInRequest open(String value, SecretKey secret) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (bytes.length <= NONCE_BYTES) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            SignInRequest carried = json.readValue(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), SignInRequest.class);
            Instant issued = Instant.ofEpochSecond(carried.issuedAt());
            if (!clock.instant().isBefore(issued.plus(timeout))) {
                log.debug("Sign-in cookie from {} is too old", issued);
                return null;
            }
            return carried;
        } catch (GeneralSecurityException | IllegalArgumentException | JacksonException e) {
            log.debug("Sign-in cookie refused: {}", e.toString());
            return null;
        }
    }

    private static OAuth2AuthorizationRequest authorizationRequest(SignInRequest carried) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(carried.authorizationUri())
                .clientId(carried.clientId())
                .redirectUri(carried.redirectUri())
                .scopes(carried.scopes())
                .state(carried.state())
                .additionalParameters(Map.copyOf(carried.parameters()))
                .attributes(Map.copyOf(carried.attributes()))
                .build();
    }

    /** Spring Security puts only strings here (nonce, PKCE challenge and verifier, registration id); anything else would not come back as it was. */
    private static Map<String, String> strings(String kind, Map<String, Object> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException("The authorization request's " + kind + " " + name + " is not a string ("
                        + (value == null ? "null" : value.getClass().getName()) + ") and cannot travel in the sign-in cookie");
            }
            strings.put(name, text);
        });
        return strings;
    }
}
