package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An API client of the running platform: tokens from Keycloak's password grant, requests through the gateway. */
final class GatewayClient {

    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(PlatformSettings settings) {
        this.settings = settings;
    }

    /** A demo user's access token (password {@code demo}). */
    String token(String user) throws Exception {
        HttpResponse<String> response = passwordGrant(user, "demo");
        assertThat(response.statusCode()).as("token for " + user).isEqualTo(200);
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Keycloak's answer to a sign-in with the password grant of the command-line client {@code mra-cli}. */
    HttpResponse<String> passwordGrant(String user, String password) throws Exception {
        String form = "client_id=mra-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(gateway(path)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI gateway(String path) {
        return URI.create(settings.gatewayUrl() + path);
    }
}
