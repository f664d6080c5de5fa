package nl.amsterdameconomicboard.roadmaps.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route a running Spring MVC application answers, read from its handler mappings: controllers, actuator
 * endpoints, the OpenAPI document, the error page and URL mappings such as static resources.
 */
public final class ServletRoutes {

    /** A route and the class that answers it. {@code method} is {@code *} when the route takes any method. */
    public record ServletRoute(String method, String pattern, Class<?> handler) {
    }

    private ServletRoutes() {
    }

    public static List<ServletRoute> of(ApplicationContext context) {
        List<ServletRoute> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add(new ServletRoute("*", pattern, beanType(handler)));
                    }
                    methods.forEach(method -> routes.add(new ServletRoute(method.name(), pattern, beanType(handler))));
                }
            });
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().forEach((pattern, handler) -> routes.add(new ServletRoute("GET", pattern, handler.getClass())));
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() != null) {
                // not listed yet: refuse rather than leave its routes out of the matrix
                throw new IllegalStateException("The application has functional routes (RouterFunction), which ServletRoutes cannot list yet: "
                        + mapping.getRouterFunction());
            }
        }
        return routes;
    }

    private static Class<?> beanType(HandlerMethod handler) {
        return handler.getBeanType();
    }
}
