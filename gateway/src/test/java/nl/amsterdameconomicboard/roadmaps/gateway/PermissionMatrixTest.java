package nl.amsterdameconomicboard.roadmaps.gateway;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.amsterdameconomicboard.roadmaps.gateway.session.SignedInUser;
import nl.amsterdameconomicboard.roadmaps.permissions.PathExamples;
import nl.amsterdameconomicboard.roadmaps.permissions.PermissionMatrix;
import nl.amsterdameconomicboard.roadmaps.permissions.Route;
import nl.amsterdameconomicboard.roadmaps.permissions.SecurityDocument;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * Every route of the gateway, called as every kind of caller: what the gateway decided is the section "gateway" of
 * docs/security.md, so a route added or decided differently fails here until the document shows it. Routes come from
 * the running gateway: its controllers, actuator endpoints, router functions, URL mappings (its own static files one
 * by one) and the routes to the services; Spring Security answers a few paths in its filters, listed below.
 * {@code → service} means the request reached the service, which decides for itself (its section of the document).
 */
// a few hundred calls from one address: the gateway's rate limits (issue 9: gateway.limits.rate.*) would refuse some;
// a client secret of its own, so that this test does not depend on where the demo secret is configured
@SpringBootTest(properties = {"gateway.limits.rate.enabled=false",
        "spring.security.oauth2.client.registration.keycloak.client-secret=permission-matrix-test-secret"})
class PermissionMatrixTest {

    private static final StandInService service = new StandInService();
    private static final List<HttpMethod> ROUTED_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** What Spring Security answers in its web filters (no handler mapping lists them): sign-in, its callback, sign-out. */
    private static final List<Route> SECURITY_FILTER_ROUTES = List.of(
            new Route("GET", "/oauth2/authorization/{registrationId}"),
            new Route("GET", "/login/oauth2/code/{registrationId}"),
            new Route("GET", "/login"),
            new Route("GET", "/logout"),
            new Route("POST", "/logout"));
    private static final String CSRF_TOKEN = "matrix-csrf-token";
    static final String REACHED_THE_SERVICE = "→ service";

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        PermissionMatrixTest.service.standInForEveryService(registry);
        registry.add("KEYCLOAK_URL", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stopService() {
        service.stop();
    }

    @Autowired
    ReactiveSessionRepository<?> sessions;
    @Autowired
    ApplicationContext context;
    @Autowired
    ChallengeRegistry registry;
    @Autowired
    RouteDefinitionLocator routeDefinitions;
    @Autowired
    ReactiveClientRegistrationRepository clients;

    private WebTestClient anonymous;
    private WebTestClient signedIn;
    private PathExamples paths;

    @BeforeEach
    void clients() {
        anonymous = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
        signedIn = anonymous.mutateWith(mockOidcLogin()
                .clientRegistration(clients.findByRegistrationId("keycloak").block())
                .idToken(token -> token.claim("preferred_username", "circular-lead")));
        paths = new PathExamples(Map.of("{registrationId}", "keycloak"));
    }

    /** The columns: who calls, and how a request of theirs looks. */
    private enum Caller {
        ANONYMOUS("anonymous"), BEARER("API client (bearer token)"), SESSION("signed in (session, CSRF token)"),
        SESSION_WITHOUT_CSRF("signed in, no CSRF token");

        final String column;

        Caller(String column) {
            this.column = column;
        }
    }

    @Test
    void everyRouteIsDecidedAsThePermissionMatrixSays() throws Exception {
        // path as shown -> method -> decisions; methods decided alike on one path become one row
        Map<String, Map<HttpMethod, List<String>>> decided = new TreeMap<>();
        for (Probe probe : probes()) {
            List<String> decisions = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                decisions.add(probe.concrete.size() == 1 ? decide(caller, probe.method, probe.concrete.get(0)) : uniform(caller, probe));
            }
            List<String> before = decided.computeIfAbsent(probe.shown, path -> new LinkedHashMap<>()).putIfAbsent(probe.method, decisions);
            if (before != null && !before.equals(decisions)) {
                throw new AssertionError(probe.method + " " + probe.shown + " is shown once but decided differently: " + before + " and " + decisions);
            }
        }
        PermissionMatrix matrix = new PermissionMatrix(java.util.Arrays.stream(Caller.values()).map(c -> c.column).toList());
        decided.forEach((path, byMethod) -> {
            Map<List<String>, List<String>> methodsByDecisions = new LinkedHashMap<>();
            byMethod.forEach((method, decisions) -> methodsByDecisions.computeIfAbsent(decisions, d -> new ArrayList<>()).add(method.name()));
            methodsByDecisions.forEach((decisions, methods) -> matrix.add(new Route(String.join(", ", methods), path), decisions));
        });
        SecurityDocument.check("gateway", """
                ### The gateway

                Written by gateway's `PermissionMatrixTest`. `%s`: passed on to the service, which decides (its table below).

                """.formatted(REACHED_THE_SERVICE) + matrix.toMarkdown());
    }

    /** One method on one route as the document shows it, and the paths to call for it (all must be decided alike). */
    private record Probe(HttpMethod method, String shown, List<String> concrete) {
    }

    private List<Probe> probes() throws IOException {
        List<Probe> probes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<HttpMethod> methods = new TreeSet<>(java.util.Comparator.comparing(HttpMethod::name));
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.asHttpMethod()));
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    for (HttpMethod method : methods.isEmpty() ? Set.of(HttpMethod.GET) : methods) {
                        probes.add(new Probe(method, pattern.getPatternString(), List.of(paths.expand(pattern.getPatternString()))));
                    }
                }
            });
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() != null) {
                mapping.getRouterFunction().accept(new ListedRoutes(probes));
            }
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            for (PathPattern pattern : mapping.getHandlerMap().keySet()) {
                String shown = pattern.getPatternString();
                probes.add(new Probe(HttpMethod.GET, shown, List.of(paths.expand(shown))));
                if (shown.equals("/**")) {
                    probes.addAll(ownStaticFiles());
                }
            }
        }
        for (RouteDefinition route : routeDefinitions.getRouteDefinitions().collectList().block()) {
            boolean challenge = registry.challenges().stream().map(Challenge::code).anyMatch(route.getId()::equals);
            for (PredicateDefinition predicate : route.getPredicates()) {
                if (!predicate.getName().equals("Path")) {
                    throw new AssertionError("Route " + route.getId() + " has a " + predicate.getName() + " predicate, which this test cannot call yet");
                }
                for (String pattern : predicate.getArgs().values()) {
                    String shown = challenge ? pattern.replace("/api/" + route.getId(), "/api/{c}") : pattern;
                    ROUTED_METHODS.forEach(method -> probes.add(new Probe(method, shown, List.of(paths.expand(pattern)))));
                }
            }
        }
        SECURITY_FILTER_ROUTES.forEach(route -> probes.add(new Probe(HttpMethod.valueOf(route.method()), route.path(),
                List.of(paths.expand(route.path())))));
        return probes;
    }

    /**
     * The gateway's own static files (the dashboard), each a path of its own to security: one row per file at the top,
     * one per folder below it (every file in it called).
     */
    private static List<Probe> ownStaticFiles() throws IOException {
        Map<String, List<String>> byRow = new TreeMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**")) {
            String url = file.getURL().toString();
            if (!url.startsWith("file:") || url.endsWith("/") || !file.isReadable()) {
                continue; // libraries' files (jars) are the webjars' route; folders are not files
            }
            String path = url.substring(url.indexOf("/static/") + "/static".length());
            int folder = path.indexOf('/', 1);
            byRow.computeIfAbsent(folder < 0 ? path : path.substring(0, folder) + "/**", row -> new ArrayList<>()).add(path);
        }
        return byRow.entrySet().stream().map(row -> new Probe(HttpMethod.GET, row.getKey(), row.getValue())).toList();
    }

    private String uniform(Caller caller, Probe probe) {
        Map<String, List<String>> pathsByDecision = new TreeMap<>();
        for (String path : probe.concrete) {
            pathsByDecision.computeIfAbsent(decide(caller, probe.method, path), d -> new ArrayList<>()).add(path);
        }
        if (pathsByDecision.size() > 1) {
            throw new AssertionError(probe.shown + " is one row but " + caller.column + " is decided differently on its files: " + pathsByDecision);
        }
        return pathsByDecision.keySet().iterator().next();
    }

    private String decide(Caller caller, HttpMethod method, String path) {
        service.received.clear();
        WebTestClient client = caller == Caller.SESSION || caller == Caller.SESSION_WITHOUT_CSRF ? signedIn : anonymous;
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        switch (caller) {
            case ANONYMOUS -> {
            }
            case BEARER -> request.header(HttpHeaders.AUTHORIZATION, "Bearer abc.def.ghi");
            // cookies as cookies: the mock server reads those, not a hand-written Cookie header
            case SESSION -> request.cookie("SESSION", signedInSession(sessions)).cookie("XSRF-TOKEN", CSRF_TOKEN).header("X-XSRF-TOKEN", CSRF_TOKEN);
            case SESSION_WITHOUT_CSRF -> request.cookie("SESSION", signedInSession(sessions));
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        int status = request.exchange().expectBody().returnResult().getStatus().value();
        if (status >= 500) {
            throw new AssertionError(method + " " + path + " by " + caller.column + " answered " + status + ": a route may refuse, never break");
        }
        if (status == 429) {
            throw new AssertionError(method + " " + path + " by " + caller.column + " was rate limited: the matrix shows who may call, "
                    + "so its test runs without limits");
        }
        if (!service.received.isEmpty()) {
            return REACHED_THE_SERVICE;
        }
        return status == 401 ? PermissionMatrix.SIGN_IN : status == 403 ? PermissionMatrix.FORBIDDEN : PermissionMatrix.ALLOWED;
    }

    /** A signed-in session as the store holds it after a sign-in, so that CSRF applies as it does in a browser. */
    private static <S extends Session> String signedInSession(ReactiveSessionRepository<S> sessions) {
        S session = sessions.createSession().block();
        session.setAttribute("SPRING_SECURITY_CONTEXT", SignedInUser.securityContext("circular-lead", Instant.now()));
        sessions.save(session).block();
        return session.getId();
    }

    /** The routes of a router function (such as the welcome page), by the method and path of their predicates. */
    private final class ListedRoutes implements RouterFunctions.Visitor {

        private final List<Probe> probes;

        ListedRoutes(List<Probe> probes) {
            this.probes = probes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            List<HttpMethod> methods = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            predicate.accept(new RequestPredicates.Visitor() {
                public void method(Set<HttpMethod> m) { methods.addAll(m); }
                public void path(String pattern) { patterns.add(pattern); }
                public void pathExtension(String extension) { }
                public void header(String name, String value) { }
                public void queryParam(String name, String value) { }
                public void version(String version) { }
                public void startAnd() { }
                public void and() { }
                public void endAnd() { }
                public void startOr() { }
                public void or() { }
                public void endOr() { }
                public void startNegate() { }
                public void endNegate() { }
                public void unknown(RequestPredicate unknown) { }
            });
            if (patterns.isEmpty()) {
                throw new AssertionError("A router function route without a path cannot be called: " + predicate);
            }
            for (String pattern : patterns) {
                for (HttpMethod method : methods.isEmpty() ? List.of(HttpMethod.GET) : methods) {
                    probes.add(new Probe(method, pattern, List.of(paths.expand(pattern))));
                }
            }
        }

        @Override
        public void resources(java.util.function.Function<ServerRequest, Mono<Resource>> lookup) {
            throw new AssertionError("Router function resources cannot be listed yet");
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            throw new AssertionError("A router function this test cannot list: " + routerFunction);
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            throw new AssertionError("Nested router functions cannot be listed yet: " + predicate);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }
    }
}
