package nl.amsterdameconomicboard.roadmaps.gateway;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The signed-in user (and the page a visitor asked for before signing in) lives in the gateway session, as Spring
 * Security keeps it there; but a request that names no session (no session cookie: every anonymous read, every API
 * client with its own bearer token) cannot have either, so the session is not asked for. Asking would create an
 * empty session object with a fresh random id for each such request, only to drop it again: measurable on every
 * public read (README "Gateway overhead"). Signing in and out, and saving a request, still go to the session, which
 * is created then.
 */
final class SessionCookieSecurityContext implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final WebSessionIdResolver sessionIds;

    /** Spring Security's request cache, which looks into the session on every request, only where there is one. */
    final ServerRequestCache requestCache = new ServerRequestCache() {

        private final WebSessionServerRequestCache cache = new WebSessionServerRequestCache();

        @Override
        public Mono<Void> saveRequest(ServerWebExchange exchange) {
            return cache.saveRequest(exchange);
        }

        @Override
        public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
            return cache.getRedirectUri(exchange);
        }

        @Override
        public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
            return namesASession(exchange) ? cache.removeMatchingRequest(exchange) : Mono.empty();
        }
    };

    SessionCookieSecurityContext(WebSessionIdResolver sessionIds) {
        this.sessionIds = sessionIds;
    }

    /** Whether the request names a gateway session (it may still be unknown or expired). */
    boolean namesASession(ServerWebExchange exchange) {
        return !sessionIds.resolveSessionIds(exchange).isEmpty();
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return namesASession(exchange) ? sessions.load(exchange) : Mono.empty();
    }
}
