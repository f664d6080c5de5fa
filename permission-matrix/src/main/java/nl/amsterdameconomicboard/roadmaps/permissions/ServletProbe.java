package nl.amsterdameconomicboard.roadmaps.permissions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Calls every route of a Spring MVC service as every caller and records what security decided: 401, 403, or
 * {@link PermissionMatrix#ALLOWED} for anything else (a 400 or 404 for the example input is still "let in").
 * A 5xx fails: no caller may break a route. So does a 429: a rate limit would hide the decision.
 */
public final class ServletProbe {

    private final ApplicationContext context;
    private final MockMvc mvc;
    private final Map<String, RequestPostProcessor> callers;
    private PathExamples paths = new PathExamples(Map.of());
    private Function<Route, String> bodies = route -> "{}";
    private UnaryOperator<String> shown = UnaryOperator.identity();

    /**
     * @param context the application under test, with its MockMvc ({@code @AutoConfigureMockMvc})
     * @param callers the columns, in order: a name for the docs and what the request carries (e.g. a token)
     */
    public ServletProbe(ApplicationContext context, LinkedHashMap<String, RequestPostProcessor> callers) {
        this.context = context;
        this.mvc = context.getBean(MockMvc.class);
        this.callers = callers;
    }

    public ServletProbe paths(PathExamples paths) {
        this.paths = paths;
        return this;
    }

    /** The JSON body sent with a write (POST, PUT, PATCH) of a route as shown; {@code "{}"} by default. */
    public ServletProbe bodies(Function<Route, String> bodies) {
        this.bodies = bodies;
        return this;
    }

    /** How the docs show a pattern, e.g. with the challenge's code replaced by {@code {c}}. */
    public ServletProbe shown(UnaryOperator<String> shown) {
        this.shown = shown;
        return this;
    }

    /** Every route of the application. */
    public PermissionMatrix matrix() throws Exception {
        return matrix(ServletRoutes.of(context));
    }

    public PermissionMatrix matrix(List<ServletRoutes.ServletRoute> routes) throws Exception {
        PermissionMatrix matrix = new PermissionMatrix(new ArrayList<>(callers.keySet()));
        for (ServletRoutes.ServletRoute route : routes) {
            Route row = new Route(route.method(), shown.apply(route.pattern()));
            HttpMethod method = route.method().equals("*") ? HttpMethod.GET : HttpMethod.valueOf(route.method());
            String path = paths.expand(route.pattern());
            List<String> decisions = new ArrayList<>();
            for (RequestPostProcessor caller : callers.values()) {
                decisions.add(decide(method, path, writes(method) ? bodies.apply(row) : null, caller));
            }
            matrix.add(row, decisions);
        }
        return matrix;
    }

    private String decide(HttpMethod method, String path, String body, RequestPostProcessor caller) throws Exception {
        MockHttpServletRequestBuilder request = request(method, path).with(caller);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();
        if (status >= 500) {
            throw new AssertionError(method + " " + path + " answered " + status + ": a route may refuse a caller, never break");
        }
        if (status == 429) {
            throw new AssertionError(method + " " + path + " was rate limited: the matrix shows who may call, so its test runs without limits");
        }
        return status == 401 ? PermissionMatrix.SIGN_IN : status == 403 ? PermissionMatrix.FORBIDDEN : PermissionMatrix.ALLOWED;
    }

    private static boolean writes(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** The anonymous caller: the request as it is. */
    public static RequestPostProcessor anonymous() {
        return request -> request;
    }

    /** A caller that sends this Authorization header. */
    public static RequestPostProcessor authorization(String header) {
        return request -> {
            request.addHeader("Authorization", header);
            return request;
        };
    }
}
