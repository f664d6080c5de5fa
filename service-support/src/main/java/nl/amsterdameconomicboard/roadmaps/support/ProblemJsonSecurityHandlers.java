package nl.amsterdameconomicboard.roadmaps.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401, 403 and 503 answers as problem+json, keeping the {@code WWW-Authenticate} header of RFC 6750.
 * 503 when the identity provider cannot be reached to check a token: that is not the caller's fault.
 */
public final class ProblemJsonSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        bearerEntryPoint.commence(request, response, e);
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Sign in first: this needs a valid bearer token from the platform's Keycloak realm.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        bearerAccessDenied.handle(request, response, e);
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this here.");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "The token cannot be checked right now because the identity provider is unreachable. Try again shortly.");
            return;
        }
        commence(request, response, e);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(Problems.json(status, type, detail));
    }
}
