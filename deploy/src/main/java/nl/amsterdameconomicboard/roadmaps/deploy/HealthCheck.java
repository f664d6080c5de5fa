package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/** How the launcher knows a component is ready to be used. */
@FunctionalInterface
interface HealthCheck {

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    boolean healthy();

    /** An HTTP endpoint answering 200 (and, for actuator, reporting UP). */
    static HealthCheck http(String url) {
        return () -> {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && (!url.contains("/actuator/health") || response.body().contains("\"UP\""));
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** A port that accepts connections. */
    static HealthCheck tcp(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /**
     * A Kafka broker that answers a metadata request from its own principal (which needs no SCRAM credential) and is
     * registered in its cluster (a node of a cluster answers only once the controllers have a quorum).
     */
    static HealthCheck kafka(PlatformSettings settings, String node) {
        return () -> {
            int port = settings.port(node);
            if (!tcp(port).healthy() || !Files.exists(settings.dataDir().resolve("kafka/users.properties"))) {
                return false;
            }
            try (Admin admin = settings.kafkaUsers().brokerAdmin("127.0.0.1:" + port)) {
                return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().anyMatch(n -> n.port() == port);
            } catch (Exception e) {
                return false;
            }
        };
    }
}
