package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits on /api/**: writes per signed-in user, reads per signed-in user or, anonymously, per client address;
 * over the limit, 429 problem+json with Retry-After. The user is the session's (a browser signed in here) or that of
 * a bearer token whose signature the realm's keys confirm; a token that does not verify counts as anonymous, so that
 * made-up tokens cannot open fresh buckets. Runs after Spring Security, which puts the session's user on the exchange.
 */
final class RateLimit implements WebFilter, Ordered {

    private final TokenBuckets reads;
    private final TokenBuckets writes;
    private final GatewayLimits.Rate rate;
    private final ClientAddress clientAddress;
    private final ReactiveJwtDecoder tokens;

    RateLimit(GatewayLimits.Rate rate, ClientAddress clientAddress, ReactiveJwtDecoder tokens, TokenBuckets reads, TokenBuckets writes) {
        this.rate = rate;
        this.clientAddress = clientAddress;
        this.tokens = tokens;
        this.reads = reads;
        this.writes = writes;
    }

    @Override
    public int getOrder() {
        return -50; // after Spring Security's WebFilterChainProxy (-100), before routing
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!rate.enabled() || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        boolean write = isWrite(exchange.getRequest().getMethod());
        return caller(exchange).flatMap(caller -> {
            Optional<Duration> wait = (write ? writes : reads).take(caller);
            if (wait.isEmpty()) {
                return chain.filter(exchange);
            }
            long seconds = Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            String limit = write
                    ? number(rate.writesPerSecond()) + " writes per second (bursts of " + rate.writeBurst() + ")"
                    : number(rate.readsPerSecond()) + " reads per second (bursts of " + rate.readBurst() + ")";
            String limiet = write
                    ? number(rate.writesPerSecond()) + " wijzigingen per seconde (pieken van " + rate.writeBurst() + ")"
                    : number(rate.readsPerSecond()) + " leesverzoeken per seconde (pieken van " + rate.readBurst() + ")";
            return Refusals.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", Refusals.inClientLanguage(exchange,
                    "Too many requests from " + (caller.startsWith("user:") ? "your account" : "your address") + ": at most " + limit
                            + ". Try again in " + seconds + " s.",
                    "Te veel verzoeken van " + (caller.startsWith("user:") ? "uw account" : "uw adres") + ": hoogstens " + limiet
                            + ". Probeer het over " + seconds + " s opnieuw."));
        });
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static boolean isWrite(HttpMethod method) {
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    /** {@code user:<name>} for a signed-in user or a verified bearer token, else {@code address:<client address>}. */
    private Mono<String> caller(ServerWebExchange exchange) {
        Mono<String> anonymous = Mono.fromSupplier(() -> "address:" + clientAddress.of(exchange.getRequest()));
        Mono<String> session = exchange.getPrincipal()
                .filter(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated()
                        && !(principal instanceof AnonymousAuthenticationToken))
                .map(principal -> "user:" + principal.getName());
        return session.switchIfEmpty(Mono.defer(() -> bearer(exchange))).switchIfEmpty(anonymous);
    }

    private Mono<String> bearer(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        return tokens.decode(authorization.substring(7).strip())
                .map(RateLimit::user)
                .onErrorResume(invalid -> Mono.empty()); // the service refuses it; here it is just anonymous
    }

    private static String user(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return "user:" + (name != null ? name : jwt.getSubject());
    }
}
