package nl.amsterdameconomicboard.roadmaps.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The WebJars (ECharts, 1 MB) carry their version in the path, so a browser may keep them for a year: a new version is
 * a new URL. Set before Spring Security writes its headers, which then leaves its {@code no-store} out. The dashboard's
 * own files have no version in their names and keep Spring Security's default.
 */
@Component
class VersionedAssetsCaching implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() == HttpMethod.GET && exchange.getRequest().getPath().value().startsWith("/webjars/")) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable");
        }
        return chain.filter(exchange);
    }
}
