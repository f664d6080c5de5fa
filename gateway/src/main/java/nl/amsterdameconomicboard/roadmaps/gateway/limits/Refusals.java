package nl.amsterdameconomicboard.roadmaps.gateway.limits;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own refusals, worded as the services word theirs: RFC 9457 problem+json with a type under /problems/. */
final class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Refusals() {
    }

    /**
     * The English or the Dutch wording, as the request's {@code Accept-Language} asks (the dashboard sends the page's
     * language); English for any other language.
     */
    static String inClientLanguage(ServerWebExchange exchange, String english, String dutch) {
        java.util.Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null && "nl".equals(locale.getLanguage()) ? dutch : english;
    }

    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
