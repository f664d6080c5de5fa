package nl.amsterdameconomicboard.roadmaps.challenge.web;

import java.net.URI;
import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.indicator.ComputedIndicatorException;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.IllegalStatusChangeException;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.ConcurrentChangeException;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.NotFoundException;
import nl.amsterdameconomicboard.roadmaps.challenge.revision.StaleRevisionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as RFC 9457 {@code application/problem+json}. Input errors list the fields they concern in
 * {@code errors: [{field, message}]}, so that a form can show each message next to its field.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(fieldPath(databind), "has a value of the wrong type"))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        problem.setType(URI.create("/problems/unreadable-body"));
        return ResponseEntity.badRequest().body(problem);
    }

    /** The JSON path of the value that did not parse, in the notation of validation errors: partners[0].type. */
    private static String fieldPath(DatabindException e) {
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

    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException ex) {
        return invalid(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "not-found", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail illegalStatusChange(IllegalStatusChangeException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-status-change", ex.getMessage());
        problem.setProperty("errors", List.of(new FieldError("status", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail computed(ComputedIndicatorException ex) {
        return problem(HttpStatus.CONFLICT, "computed-indicator", ex.getMessage());
    }

    /** Refusals the service decides itself (e.g. a partner of another organisation), with their reason. */
    @ExceptionHandler
    ProblemDetail forbidden(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleRevisionException ex) {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-revision", ex.getMessage());
    }

    /** The store is unreachable: nothing was written, and trying again later is the right thing to do. */
    @ExceptionHandler
    ProblemDetail storeUnavailable(DataAccessResourceFailureException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "The roadmap store cannot be reached right now; nothing was changed. Try again shortly.");
    }

    @ExceptionHandler
    ProblemDetail concurrent(ConcurrentChangeException ex) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", ex.getMessage());
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(FieldError::field).toList());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input: " + fields + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }

    /** One field of the input and what is wrong with it. */
    record FieldError(String field, String message) {
    }
}
