package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./platform bench [changes]}: freshness of the scorecard on the running platform, measured as a dashboard
 * sees it. For each change an editor makes through the gateway, the time from the moment the change is accepted
 * (the PUT answered 200) to the moment the scorecard announces it on its server-sent-events stream, also through
 * the gateway. Changes are made one after the other, on circular's milestones in turn.
 */
public final class FreshnessBenchmark {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    private final PlatformSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, BlockingQueue<Long>> announced = new ConcurrentHashMap<>();

    FreshnessBenchmark(PlatformSettings settings) {
        this.settings = settings;
    }

    static int run(PlatformSettings settings, int changes) throws Exception {
        return new FreshnessBenchmark(settings).measure(changes);
    }

    private int measure(int changes) throws Exception {
        String token = token("circular-lead");
        List<String> milestones = milestones();
        listen();
        Thread.sleep(500); // the stream is open
        List<Long> accepted = new ArrayList<>();
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            String milestone = milestones.get(i % milestones.size());
            String key = "circular/" + milestone;
            announced.computeIfAbsent(key, k -> new LinkedBlockingQueue<>()).clear();
            String target = "ON_TRACK".equals(status(milestone)) ? "AT_RISK" : "ON_TRACK";
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway("/api/circular/milestones/" + milestone + "/status"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + target + "\", \"note\": \"freshness benchmark " + i + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long acceptedAt = System.nanoTime();
            if (response.statusCode() == 429) {
                throw new IOException("Change " + i + " refused by the gateway's rate limit (" + response.body() + "). A benchmark needs "
                        + "the limits lifted: ./platform down, then GATEWAY_RATE_LIMITS=off ./platform up");
            }
            if (response.statusCode() != 200) {
                throw new IOException("Change " + i + " refused: " + response.statusCode() + " " + response.body());
            }
            Long seenAt = announced.get(key).poll(30, TimeUnit.SECONDS);
            if (seenAt == null) {
                throw new IOException("Change " + i + " of " + milestone + " did not reach the scorecard stream within 30 s");
            }
            accepted.add(seenAt - acceptedAt);
            submitted.add(seenAt - start);
            if ((i + 1) % 50 == 0) {
                System.out.printf("  %d changes%n", i + 1);
            }
        }
        System.out.printf("%nFreshness over %d changes (change accepted → on the scorecard stream, through the gateway):%n", changes);
        report("accepted → visible", accepted);
        report("submitted → visible", submitted);
        return 0;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("  %-22s p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** Reads the scorecard stream in the background and notes when each entity's change is announced. */
    private void listen() {
        http.sendAsync(HttpRequest.newBuilder(gateway("/api/scorecards/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        Matcher key = KEY.matcher(line);
                        if (key.find()) {
                            announced.computeIfAbsent(key.group(1), k -> new LinkedBlockingQueue<>()).add(System.nanoTime());
                        }
                    }
                }));
    }

    private List<String> milestones() throws Exception {
        String body = http.send(HttpRequest.newBuilder(gateway("/api/circular/milestones")).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private String status(String milestone) throws Exception {
        Matcher m = STATUS.matcher(http.send(HttpRequest.newBuilder(gateway("/api/circular/milestones/" + milestone)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return m.find() ? m.group(1) : "";
    }

    private String token(String user) throws Exception {
        String form = "client_id=mra-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IOException("No token for " + user + " from " + settings.issuer() + ": " + response.body());
        }
        return m.group(1);
    }

    private URI gateway(String path) {
        return URI.create(settings.gatewayUrl() + path);
    }
}
