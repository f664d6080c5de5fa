package nl.amsterdameconomicboard.roadmaps.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bench's HTTP client: one JDK client with a connection pool, calls that refuse on 429, and small JSON reads. */
final class Http implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** A GET as a load's call: completes with the status, fails with {@link RateLimitedException} on a 429. */
    Call get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return () -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> refuseLimited(uri, r.statusCode()));
    }

    /** The same GET, made on the calling thread (for closed-model clients: no hand-over to another thread). */
    Call getBlocking(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return () -> {
            try {
                return CompletableFuture.completedFuture(refuseLimited(uri, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        refuseLimited(request.uri(), response.statusCode());
        return response;
    }

    JsonNode getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Reads a server-sent-events stream in the background, handing each {@code data:} line to {@code onData}. */
    CompletableFuture<Void> stream(URI uri, Consumer<String> onData) {
        return client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    refuseLimited(uri, response.statusCode());
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            onData.accept(line.substring(5).strip());
                        }
                    });
                });
    }

    static int refuseLimited(URI uri, int status) {
        if (status == 429) {
            throw new RateLimitedException(uri.toString());
        }
        return status;
    }

    /** Every object in the tree that has all these fields (whatever page or list it is in). */
    static List<JsonNode> objectsWith(JsonNode node, String... fields) {
        List<JsonNode> found = new ArrayList<>();
        collect(node, fields, found);
        return found;
    }

    private static void collect(JsonNode node, String[] fields, List<JsonNode> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            boolean all = true;
            for (String field : fields) {
                all &= node.has(field) && node.get(field).isString();
            }
            if (all) {
                found.add(node);
                return;
            }
            node.values().forEach(child -> collect(child, fields, found));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, fields, found));
        }
    }

    @Override
    public void close() {
        // Java 17's client has no close; its threads end with the JVM
    }
}
