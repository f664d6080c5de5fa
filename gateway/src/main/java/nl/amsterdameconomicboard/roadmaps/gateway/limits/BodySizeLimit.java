package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body larger than the limit with 413 before it reaches a service: a declared Content-Length at
 * once; a body streamed without one as soon as it passes the limit (the request to the service is then abandoned,
 * and the service refuses what it got with its own limit). An import (a POST to a path ending in {@code /import}, a
 * team's file of measurements) has its own, larger limit.
 */
final class BodySizeLimit implements WebFilter, Ordered {

    private static final String TRIPPED = BodySizeLimit.class.getName() + ".tripped";

    private final long defaultMaxBytes;
    private final long importMaxBytes;

    BodySizeLimit(long maxBytes, long maxImportBytes) {
        this.defaultMaxBytes = maxBytes;
        this.importMaxBytes = maxImportBytes;
    }

    private long maxBytes(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && request.getPath().value().endsWith("/import") ? importMaxBytes : defaultMaxBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before security reads a form, before anything is passed on
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = maxBytes(exchange.getRequest());
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return tooLarge(exchange, maxBytes);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        exchange.getAttributes().put(TRIPPED, Boolean.TRUE);
                        throw new BodyTooLargeException();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build())
                // whatever the failure looks like by the time it comes back (the proxied request abandoned), it is this
                .onErrorResume(e -> exchange.getAttributes().containsKey(TRIPPED) && !exchange.getResponse().isCommitted(),
                        e -> tooLarge(exchange, maxBytes));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long maxBytes) {
        return Refusals.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                Refusals.inClientLanguage(exchange,
                        "The request body is larger than the platform accepts (" + maxBytes / 1024 + " KB); the request was refused.",
                        "De inhoud van het verzoek is groter dan het platform aanneemt (" + maxBytes / 1024 + " KB); het verzoek is geweigerd."));
    }

    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException() {
            super("request body over the limit", null, false, false);
        }
    }
}
