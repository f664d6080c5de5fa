package nl.amsterdameconomicboard.roadmaps.gateway.challenge;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;

/**
 * One route per registered challenge, to its service at {@code <CODE>_SERVICE_URL} (default: its registry port on
 * this host). Given as route definitions, like the routes of application.yaml, so that the default filters
 * (TokenRelay, no Cookie) apply to them too.
 */
class ChallengeRoutes implements RouteDefinitionLocator {

    private final List<RouteDefinition> routes;

    ChallengeRoutes(ChallengeRegistry registry, Function<String, String> environment) {
        this.routes = registry.challenges().stream().map(challenge -> route(challenge, environment)).toList();
    }

    private static RouteDefinition route(Challenge challenge, Function<String, String> environment) {
        String url = environment.apply(challenge.variablePrefix() + "_SERVICE_URL");
        RouteDefinition route = new RouteDefinition();
        route.setId(challenge.code());
        route.setUri(URI.create(url == null || url.isBlank() ? "http://127.0.0.1:" + challenge.port() : url.strip()));
        route.setPredicates(List.of(new PredicateDefinition("Path=/api/" + challenge.code() + ",/api/" + challenge.code() + "/**")));
        return route;
    }

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(routes);
    }
}
