package nl.amsterdameconomicboard.roadmaps.scorecard;

import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A request body that does not validate (an edition without a title) is refused naming its fields, in the language the
 * client asks for, as every service does: a form shows each message at its field rather than a general error. It takes
 * the place of Spring Boot's problem-details handler (which answers the rest as before).
 */
@RestControllerAdvice
class InvalidInputAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return Problems.invalidResponse(ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage())).toList());
    }
}
