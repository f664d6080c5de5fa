package nl.amsterdameconomicboard.roadmaps.challenge.test;

import com.nimbusds.jose.JOSEObjectType;
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
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens shaped like the platform's Keycloak tokens (issuer, audience, realm roles, preferred_username)
 * and serves the public key as a JWK set, so that services check real signatures in tests.
 * The end-to-end test uses Keycloak itself.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1/realms/mra-test";
    public static final String AUDIENCE = "mra-api";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey otherKey;
    private final String jwksUri;

    private TestTokens() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            try {
                instance = new TestTokens();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the test token issuer", e);
            }
        }
        return instance;
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** A valid token of {@code username} with these realm roles, as an Authorization header value. */
    public String bearer(String username, String... roles) {
        return "Bearer " + sign(key, claims(username, roles).build());
    }

    /** A valid token of a partner organisation's user, as Keycloak issues it with the organisation mapper. */
    public String partnerBearer(String username, String organisation) {
        return "Bearer " + sign(key, claims(username, "partner").claim("organisation", organisation).build());
    }

    /**
     * A machine client's token as Keycloak issues it for the client-credentials grant: the service account's user
     * {@code service-account-<client>}, the client in {@code azp} and {@code client_id}, the service account's realm roles.
     */
    public String serviceAccountBearer(String clientId, String... roles) {
        return "Bearer " + sign(key, claims("service-account-" + clientId, roles).claim("azp", clientId).claim("client_id", clientId).build());
    }

    public String bearerWithAudience(String audience, String username, String... roles) {
        return "Bearer " + sign(key, claims(username, roles).audience(audience).build());
    }

    public String bearerFromIssuer(String issuer, String username, String... roles) {
        return "Bearer " + sign(key, claims(username, roles).issuer(issuer).build());
    }

    public String bearerSignedByAnotherKey(String username, String... roles) {
        return "Bearer " + sign(otherKey, claims(username, roles).build());
    }

    public String expiredBearer(String username, String... roles) {
        Instant past = Instant.now().minusSeconds(3600);
        return "Bearer " + sign(key, claims(username, roles).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
    }

    private static JWTClaimsSet.Builder claims(String username, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "account"))
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
