package nl.amsterdameconomicboard.roadmaps.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A stand-in for the services behind the gateway, recording what reaches it. */
final class StandInService {

    record Received(String method, String path, String authorization, String cookie, String forwardedFor, String forwardedProto,
                    String forwardedHost, String forwardedPort) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers.getFirst("Authorization"),
                    headers.getFirst("Cookie"), headers.getFirst("X-Forwarded-For"), headers.getFirst("X-Forwarded-Proto"),
                    headers.getFirst("X-Forwarded-Host"), headers.getFirst("X-Forwarded-Port")));
            try {
                exchange.getRequestBody().readAllBytes(); // as a service does before it answers
            } catch (IOException abandoned) {
                exchange.close();
                return;
            }
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Routes every service behind the gateway (the five challenges and the scorecard) to this stand-in. */
    void standInForEveryService(DynamicPropertyRegistry registry) {
        for (String service : List.of("CIRCULAR", "MOBILITY", "HEALTH", "DIGITAL", "TALENT", "SCORECARD")) {
            registry.add(service + "_SERVICE_URL", this::url);
        }
    }

    void stop() {
        server.stop(0);
    }
}
