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

    String token(String user) throws Exception {
        String form = "client_id=mra-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as("token for " + user).isEqualTo(200);
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
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
