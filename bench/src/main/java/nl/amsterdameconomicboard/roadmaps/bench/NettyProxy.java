package nl.amsterdameconomicboard.roadmaps.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The physical reference: a bare HTTP reverse proxy on Reactor Netty (what Spring Cloud Gateway is built on) in the
 * bench's own JVM, passing every request to one backend and its answer back, headers and body untouched. No routing
 * table, no security, no filters: what a JVM proxy on this machine costs at the least.
 */
final class NettyProxy implements AutoCloseable {

    private final LoopResources loops = LoopResources.create("bench-proxy", 1, Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private final ConnectionProvider pool = ConnectionProvider.builder("bench-proxy").maxConnections(1024).pendingAcquireMaxCount(-1).build();
    private final DisposableServer server;

    NettyProxy(URI backend) {
        HttpClient client = HttpClient.create(pool).runOn(loops).baseUrl(backend.toString());
        server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0)
                .handle((request, response) -> client
                        .headers(headers -> headers.add(request.requestHeaders()).remove(HttpHeaderNames.HOST))
                        .request(request.method())
                        .uri(request.uri())
                        .send((outgoing, out) -> out.send(request.receive().retain()))
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders())
                                .send(body.retain()))
                        .then())
                .bindNow();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.disposeNow();
        pool.disposeLater().block();
        loops.disposeLater().block();
    }
}
