package nl.amsterdameconomicboard.roadmaps.challenge;

import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeCallers;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.permissions.PathExamples;
import nl.amsterdameconomicboard.roadmaps.permissions.PermissionMatrix;
import nl.amsterdameconomicboard.roadmaps.permissions.Route;
import nl.amsterdameconomicboard.roadmaps.permissions.SecurityDocument;
import nl.amsterdameconomicboard.roadmaps.permissions.ServletProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every route of a challenge service, called as every kind of caller: what security decided is the section
 * "roadmap-core" of docs/security.md, so a route added or decided differently fails here until the document shows it.
 * Runs the test seed as challenge circular; the documented paths show {c} for any challenge.
 */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=permission-matrix"})
class PermissionMatrixTest {

    private static final PathExamples SEEDED = new PathExamples(Map.of(
            "spearheads/{code}", "heat",
            "milestones/{id}", "heat-2017",
            "indicators/{id}", "homes-on-residual-heat",
            "initiatives/{id}", "heat-programme"));

    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteIsDecidedAsThePermissionMatrixSays() throws Exception {
        PermissionMatrix matrix = new ServletProbe(context, ChallengeCallers.of("circular"))
                .paths(SEEDED)
                // the organisation is checked once the body is read: the partners' decision needs a valid one
                .bodies(route -> route.equals(new Route("POST", "/api/{c}/initiatives/{id}/progress")) ? "{\"text\": \"Two sites connected\"}" : "{}")
                .shown(pattern -> pattern.replaceFirst("^/api/circular(?=/|$)", "/api/{c}"))
                .matrix();
        SecurityDocument.check("roadmap-core", """
                ### Every challenge service (roadmap-core)

                Written by roadmap-core's `PermissionMatrixTest` (a challenge service on the test seed; `{c}` is its code).

                """ + matrix.toMarkdown());
    }
}
