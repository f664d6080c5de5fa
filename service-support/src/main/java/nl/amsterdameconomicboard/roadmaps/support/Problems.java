package nl.amsterdameconomicboard.roadmaps.support;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way every service words a refusal: RFC 9457 {@code application/problem+json} with a type under
 * {@code /problems/}, and for input errors the fields concerned in {@code errors: [{field, message}]}, so that a
 * form can show each message next to its field.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** One field of the input and what is wrong with it; {@code field} is a path such as {@code partners[0].type}. */
    public record FieldError(String field, String message) {
    }

    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }

    /** 400 naming every field that is wrong. */
    public static ProblemDetail invalid(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", inClientLanguage("Invalid input: ", "Ongeldige invoer: ") + fields + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The English or the Dutch wording, as the request's {@code Accept-Language} asks (Spring MVC keeps the request's
     * locale in {@link LocaleContextHolder}); English for any other language. For the few messages the services word
     * themselves outside the validation bundles ({@code ValidationMessages[_nl].properties}).
     */
    public static String inClientLanguage(String english, String dutch) {
        return "nl".equals(LocaleContextHolder.getLocale().getLanguage()) ? dutch : english;
    }

    /** A refusal to throw from a controller, answered as it is. */
    public static ErrorResponseException refusal(HttpStatus status, String type, String detail) {
        return new ErrorResponseException(status, of(status, type, detail), null);
    }

    /** A refusal for now (429, 503) that says in {@code Retry-After} when trying again makes sense. */
    public static ErrorResponseException retryLater(HttpStatus status, String type, String detail, Duration retryAfter) {
        ErrorResponseException refusal = refusal(status, type, detail);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return refusal;
    }

    /** The answer to a body that does not validate: 400 naming every field, for an exception handler to return. */
    public static ResponseEntity<Object> invalidResponse(List<FieldError> errors) {
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** A 400 naming one field, to throw from a controller. */
    public static ErrorResponseException invalidField(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid(List.of(new FieldError(field, message))), null);
    }

    /** The JSON body of a problem without fields, for answers written outside Spring MVC (security filters). */
    public static String json(HttpStatus status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        return JSON.writeValueAsString(body);
    }
}
