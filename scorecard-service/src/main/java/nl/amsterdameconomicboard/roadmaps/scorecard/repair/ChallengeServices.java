package nl.amsterdameconomicboard.roadmaps.scorecard.repair;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Where each registered challenge's service answers: {@code <CODE>_SERVICE_URL}, as for the gateway, or else its
 * registry port on this host.
 */
@Component
class ChallengeServices {

    private final Map<String, String> urls;
    private final RestClient http;

    ChallengeServices(Environment environment) {
        this.urls = ChallengeRegistry.load(environment::getProperty).challenges().stream().collect(Collectors.toMap(Challenge::code, c -> {
            String url = environment.getProperty(c.variablePrefix() + "_SERVICE_URL");
            return url == null || url.isBlank() ? "http://127.0.0.1:" + c.port() : url.strip();
        }));
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** The challenge's service, read with the caller's token (its histories are for editors, admin and the Board). */
    ChallengeService of(String challenge, String bearerToken) {
        return new ChallengeService(challenge, urls.get(challenge), http, bearerToken);
    }
}
