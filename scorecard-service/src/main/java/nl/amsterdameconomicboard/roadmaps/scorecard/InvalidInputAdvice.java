package nl.amsterdameconomicboard.roadmaps.scorecard;

import java.util.List;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request body that does not validate (an edition without a title) is refused naming its fields, in the language the
 * client asks for, as every service does: a form shows each message at its field rather than a general error.
 */
@RestControllerAdvice
class InvalidInputAdvice {

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException ex) {
        return Problems.invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage())).toList());
    }
}
