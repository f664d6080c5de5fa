package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import nl.amsterdameconomicboard.roadmaps.challenge.security.Caller;
import nl.amsterdameconomicboard.roadmaps.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/{c}/indicators/measurements/import}: a CSV file of measurements (see {@link MeasurementsCsv}), all
 * or nothing; with {@code ?dryRun=true} only what it would do, row by row; values far outside an indicator's range need
 * {@code ?confirmImplausible=true}, as a single value needs its flag. Its body may be larger than other requests'
 * ({@code roadmap.limits.max-import-body}); the same editors and admins who record single values may import.
 */
@RestController
@RequestMapping("/api/${roadmap.challenge.code}/indicators/measurements/import")
class MeasurementImportController {

    private final MeasurementImport imports;

    MeasurementImportController(MeasurementImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    MeasurementImport.Report importFile(@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean dryRun,
                                        @RequestParam(defaultValue = "false") boolean confirmImplausible,
                                        @AuthenticationPrincipal Jwt token) {
        return imports.run(file, dryRun, confirmImplausible, Caller.of(token).username());
    }

    /** Every error of the file, each with its line (1 is the header) and column ({@code field}); nothing was written. */
    @ExceptionHandler
    ProblemDetail rowErrors(MeasurementImport.RowErrorsException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-import", refused.getMessage());
        problem.setProperty("errors", refused.problems());
        return problem;
    }
}
