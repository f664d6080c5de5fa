package nl.amsterdameconomicboard.roadmaps.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the platform, in the test's JVM: two small HTTP servers (a "gateway" and a "service") answering the
 * calls the scenarios make (public reads, milestones and their status changes with a bearer token, the scorecard's
 * stream announcing each change, the repair, the prometheus page), a make-believe Kafka whose scorecard commits what
 * is published a moment later, and a replay that consumes at a steady pace. Not the platform: it checks the bench.
 */
final class StandInPlatform implements PlatformUnderTest {

    private static final List<String> CHALLENGES = List.of("circular", "mobility");
    static final String TOKEN = "stand-in-token";

    private final boolean rateLimited;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1);
    private final HttpServer gateway;
    private final HttpServer service;
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    StandInPlatform(boolean rateLimited) throws IOException {
        this.rateLimited = rateLimited;
        for (String challenge : CHALLENGES) {
            for (int i = 0; i < 12; i++) {
                statuses.put(challenge + "/m" + i, i % 4 == 0 ? "PLANNED" : i % 4 == 3 ? "ACHIEVED" : "ON_TRACK");
            }
        }
        gateway = server();
        service = server();
        // the scorecard commits what was published, 500 records every 5 ms
        ticks.scheduleAtFixedRate(() -> committed.updateAndGet(c -> Math.min(published.get(), c + 500)), 5, 5, TimeUnit.MILLISECONDS);
    }

    private HttpServer server() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        if (rateLimited && path.startsWith("/api/")) {
            answer(exchange, 429, "{\"title\": \"Too Many Requests\"}");
        } else if (path.equals("/actuator/health")) {
            answer(exchange, 200, "{\"status\":\"UP\"}");
        } else if (path.equals("/actuator/prometheus")) {
            answer(exchange, 200, "scorecard_event_age_seconds{application=\"scorecard-service\",quantile=\"0.99\",} 0.012\n");
        } else if (path.equals("/api/scorecards/stream")) {
            stream(exchange);
        } else if (path.matches("/api/scorecards(/[a-z]+)?") && method.equals("GET")) {
            answer(exchange, 200, "{\"challenge\": \"circular\", \"status\": \"RED\"}");
        } else if (path.matches("/api/scorecards/[a-z]+/rebuild") && method.equals("POST")) {
            answer(exchange, authorised(exchange) ? 200 : 401, "{}");
        } else if (path.matches("/api/[a-z]+/milestones") && method.equals("GET")) {
            String challenge = path.split("/")[2];
            StringBuilder items = new StringBuilder();
            statuses.forEach((key, status) -> {
                if (key.startsWith(challenge + "/")) {
                    items.append(items.length() == 0 ? "" : ",").append("{\"id\":\"").append(key.substring(challenge.length() + 1))
                            .append("\",\"status\":\"").append(status).append("\"}");
                }
            });
            answer(exchange, 200, "{\"items\":[" + items + "],\"page\":0}");
        } else if (path.matches("/api/[a-z]+/milestones/[a-z0-9]+") && method.equals("GET")) {
            String key = path.split("/")[2] + "/" + path.split("/")[4];
            answer(exchange, 200, "{\"id\":\"" + path.split("/")[4] + "\",\"status\":\"" + statuses.get(key) + "\"}");
        } else if (path.matches("/api/[a-z]+/milestones/[a-z0-9]+/status") && method.equals("PUT")) {
            change(exchange, path.split("/")[2], path.split("/")[4]);
        } else {
            answer(exchange, 404, "{}");
        }
    }

    private void change(HttpExchange exchange, String challenge, String milestone) throws IOException {
        if (!authorised(exchange)) {
            answer(exchange, 401, "{}");
            return;
        }
        String key = challenge + "/" + milestone;
        if (!statuses.containsKey(key) || statuses.get(key).equals("ACHIEVED")) {
            answer(exchange, 409, "{}");
            return;
        }
        statuses.put(key, statuses.get(key).equals("ON_TRACK") ? "AT_RISK" : "ON_TRACK");
        answer(exchange, 200, "{}");
        published.incrementAndGet();
        // the scorecard announces it a moment later
        ticks.schedule(() -> announce(challenge, key), 3, TimeUnit.MILLISECONDS);
    }

    private void announce(String challenge, String key) {
        byte[] event = ("event:scorecard-changed\ndata:{\"challenge\":\"" + challenge + "\",\"key\":\"" + key + "\"}\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream stream : streams) {
            try {
                synchronized (stream) {
                    stream.write(event);
                    stream.flush();
                }
            } catch (IOException e) {
                streams.remove(stream);
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(":open\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        streams.add(body);
        try {
            stopped.await(); // the stream stays open as the scorecard's does
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean authorised(HttpExchange exchange) {
        return ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public URI gateway() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    @Override
    public URI direct(String service) {
        return URI.create("http://127.0.0.1:" + this.service.getAddress().getPort());
    }

    @Override
    public List<String> challenges() {
        return CHALLENGES;
    }

    @Override
    public String token(String user) {
        return TOKEN;
    }

    @Override
    public long scorecardLag() {
        return published.get() - committed.get();
    }

    @Override
    public long publishedEvents() {
        return published.get();
    }

    @Override
    public long eventsInTopics() {
        return published.get();
    }

    @Override
    public void generateEvents(long count) {
        published.addAndGet(count);
    }

    @Override
    public Replay startReplay() {
        AtomicLong replayed = new AtomicLong();
        java.util.concurrent.ScheduledFuture<?> consuming = ticks.scheduleAtFixedRate(
                () -> replayed.updateAndGet(c -> Math.min(published.get(), c + 1000)), 50, 5, TimeUnit.MILLISECONDS);
        return new Replay() {
            @Override
            public long committed() {
                return replayed.get();
            }

            @Override
            public boolean alive() {
                return !consuming.isCancelled();
            }

            @Override
            public void close() {
                consuming.cancel(false);
            }
        };
    }

    @Override
    public Map<String, Double> startupSeconds() {
        return Map.of("gateway", 6.5, "platform", 38.0);
    }

    @Override
    public Map<String, Long> residentKib() {
        return Map.of("stand-in", LocalPlatformUnderTest.rssKib(ProcessHandle.current()));
    }

    @Override
    public void close() {
        stopped.countDown();
        gateway.stop(0);
        service.stop(0);
        ticks.shutdownNow();
        threads.shutdownNow();
    }
}
