package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's cookie handling, reduced to what signing in at the gateway through Keycloak's login form needs:
 * cookies per host (as browsers do, whatever the port), no redirects followed.
 */
final class SignInBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http;
    private final Map<String, Map<String, String>> cookiesByHost = new HashMap<>();

    SignInBrowser(HttpClient http) {
        this.http = http;
    }

    /**
     * Signs in at the gateway as {@code user} (password demo): the gateway's redirect to Keycloak with PKCE, the login
     * form, the callback. The sign-in under way rides in the gateway's SIGN_IN cookie, which the callback clears.
     */
    void signIn(String gateway, String issuer, String user) throws Exception {
        String authorize = get(URI.create(gateway + "/oauth2/authorization/keycloak")).headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer).contains("code_challenge_method=S256");
        assertThat(cookie("SIGN_IN")).as("the sign-in under way, in the browser").isPresent();

        Matcher action = FORM_ACTION.matcher(get(URI.create(authorize)).body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        HttpResponse<String> loggedIn = send(request(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
        URI callback = URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/keycloak");
        HttpResponse<String> signedIn = get(callback);
        assertThat(signedIn.statusCode()).as(signedIn.headers().map().toString()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(cookie("SIGN_IN")).as("cleared by the callback").isEmpty();
        assertThat(cookie("SESSION")).isPresent();
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return send(request(uri));
    }

    /** A JSON write riding on the session, with the CSRF token the dashboard sends. */
    HttpResponse<String> write(String method, URI uri, String json) throws Exception {
        return send(request(uri).header("Content-Type", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow())
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        Map<String, String> cookies = cookiesByHost.computeIfAbsent(built.uri().getHost(), h -> new HashMap<>());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(built, (name, value) -> true);
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), value);
            }
        }
        return response;
    }

    Optional<String> cookie(String name) {
        return cookiesByHost.values().stream().map(c -> c.get(name)).filter(java.util.Objects::nonNull).findFirst();
    }

    static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    }
}
