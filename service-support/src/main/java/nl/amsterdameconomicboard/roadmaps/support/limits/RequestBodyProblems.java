package nl.amsterdameconomicboard.roadmaps.support.limits;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that cannot be read, answered alike by every service, before any service-specific advice: too large
 * (413), over a JSON limit, a field the service does not know (a typo such as {@code vaule} or an operator such as
 * {@code $where}: named, never silently dropped), a value of the wrong type (named), or no JSON at all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyProblems {

    public RequestBodyProblems() {
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
        if (tooLarge != null) { // with the limit that applied: an import's is larger
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", BodySizeLimit.tooLarge(tooLarge.limit()));
        }
        StreamConstraintsException limit = causeOf(ex, StreamConstraintsException.class);
        if (limit != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "json-limit-exceeded",
                    "The request body is beyond what the service reads: " + limit.getOriginalMessage());
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return Problems.invalid(List.of(new Problems.FieldError(fieldPath(unknown), Problems.inClientLanguage("is not a field of this request", "is geen veld van dit verzoek"))));
        }
        DatabindException databind = causeOf(ex, DatabindException.class);
        if (databind != null && !databind.getPath().isEmpty()) {
            return Problems.invalid(List.of(new Problems.FieldError(fieldPath(databind), Problems.inClientLanguage("has a value of the wrong type", "heeft een waarde van het verkeerde soort"))));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", Problems.inClientLanguage("The request body is not valid JSON.", "De inhoud van het verzoek is geen geldige JSON."));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The JSON path of the value concerned, in the notation of validation errors: partners[0].type. */
    static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
