package nl.amsterdameconomicboard.roadmaps.challenge.web;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Refusal;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 {@code application/problem+json} (see {@link Problems}): the roadmap's own refusals by
 * their kind, input that does not validate with the fields it concerns. A body that does not parse (too large, an
 * unknown field, a value of the wrong type) is answered by service-support's {@code RequestBodyProblems} first.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    /** A refusal in the language the client asks for ({@code Accept-Language}: Dutch for nl, English for any other). */
    @ExceptionHandler
    ProblemDetail refused(Refusal refusal) {
        String message = refusal.message(LocaleContextHolder.getLocale());
        if (refusal.kind() == Refusal.Kind.INVALID) {
            return Problems.invalid(List.of(new Problems.FieldError(refusal.field(), message)));
        }
        ProblemDetail problem = Problems.of(status(refusal.kind()), refusal.problemType(), message);
        if (refusal.field() != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(refusal.field(), message)));
        }
        return problem;
    }

    /** The store is unreachable: nothing was written, and trying again later is the right thing to do. */
    @ExceptionHandler
    ProblemDetail storeUnavailable(DataAccessResourceFailureException ex) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                Problems.inClientLanguage("The roadmap store cannot be reached right now; nothing was changed. Try again shortly.",
                        "De opslag van de roadmap is nu niet bereikbaar; er is niets gewijzigd. Probeer het zo opnieuw."));
    }

    private static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
            case UNCONFIRMED -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
