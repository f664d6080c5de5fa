package nl.amsterdameconomicboard.roadmaps.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityDocumentTest {

    private static final String DOCUMENT = """
            # Security

            <!-- permission-matrix:scorecard -->
            | route | anonymous |
            |---|:-:|
            | `GET /api/scorecards` | ✔ |
            <!-- /permission-matrix:scorecard -->

            <!-- permission-matrix:end -->
            ## Threat model
            """;

    private static final String SCORECARD = """
            | route | anonymous |
            |---|:-:|
            | `GET /api/scorecards` | ✔ |
            """;

    @Test
    void aSectionAsDocumentedPasses() {
        assertThat(SecurityDocument.apply(DOCUMENT, "scorecard", SCORECARD, false)).isSameAs(DOCUMENT);
    }

    @Test
    void aNewRouteFailsWithTheDiffAndHowToRegenerate() {
        String withNewRoute = SCORECARD + "| `POST /api/scorecards/rebuild` | 401 |\n";
        assertThatThrownBy(() -> SecurityDocument.apply(DOCUMENT, "scorecard", withNewRoute, false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("+ | `POST /api/scorecards/rebuild` | 401 |")
                .hasMessageNotContaining("- | `GET /api/scorecards`")
                .hasMessageContaining(SecurityDocument.REGENERATE);
    }

    @Test
    void aChangedDecisionShowsBothLines() {
        String refused = SCORECARD.replace("| ✔ |", "| 401 |");
        assertThatThrownBy(() -> SecurityDocument.apply(DOCUMENT, "scorecard", refused, false))
                .hasMessageContaining("- | `GET /api/scorecards` | ✔ |\n+ | `GET /api/scorecards` | 401 |\n");
    }

    @Test
    void writeModeReplacesOnlyItsSection() {
        String refused = SCORECARD.replace("| ✔ |", "| 401 |");
        String written = SecurityDocument.apply(DOCUMENT, "scorecard", refused, true);
        assertThat(written).isEqualTo(DOCUMENT.replace("| ✔ |", "| 401 |"));
        assertThat(SecurityDocument.apply(written, "scorecard", refused, false)).isSameAs(written);
    }

    @Test
    void aSectionTheDocumentLacksFailsOrIsWrittenAboveTheEndMarker() {
        assertThatThrownBy(() -> SecurityDocument.apply(DOCUMENT, "gateway", "| route |\n", false))
                .hasMessageContaining("no permission matrix section 'gateway'");
        String written = SecurityDocument.apply(DOCUMENT, "gateway", "| route |\n", true);
        assertThat(written).contains("<!-- /permission-matrix:scorecard -->\n\n<!-- permission-matrix:gateway -->\n| route |\n"
                + "<!-- /permission-matrix:gateway -->\n\n<!-- permission-matrix:end -->");
    }

    @Test
    void nothingToDocumentNeedsNoSection() {
        assertThat(SecurityDocument.apply(DOCUMENT, "mobility-service", "", false)).isSameAs(DOCUMENT);
    }

    @Test
    void theDocumentIsFoundAtTheRepositoryRootAboveTheModule(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("mvnw"), "");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/security.md"), DOCUMENT);
        Path module = Files.createDirectories(root.resolve("scorecard-service"));
        assertThat(SecurityDocument.locate(module)).isEqualTo(root.resolve("docs/security.md"));
        Files.delete(root.resolve("docs/security.md"));
        assertThatThrownBy(() -> SecurityDocument.locate(module)).hasMessageContaining("is missing");
    }

    @Test
    void theMatrixIsSortedByPathThenMethodAndRoutesShownAlikeMustBeDecidedAlike() {
        PermissionMatrix matrix = new PermissionMatrix(List.of("anonymous", "`admin`"))
                .add(new Route("PUT", "/api/{c}/milestones/{id}/status"), List.of("401", "✔"))
                .add(new Route("GET", "/api/{c}/milestones/{id}"), List.of("✔", "✔"))
                .add(new Route("POST", "/api/{c}"), List.of("401", "✔"))
                .add(new Route("GET", "/api/{c}"), List.of("✔", "✔"))
                .add(new Route("GET", "/api/{c}"), List.of("✔", "✔"));
        assertThat(matrix.toMarkdown()).isEqualTo("""
                | route | anonymous | `admin` |
                |---|:-:|:-:|
                | `GET /api/{c}` | ✔ | ✔ |
                | `POST /api/{c}` | 401 | ✔ |
                | `GET /api/{c}/milestones/{id}` | ✔ | ✔ |
                | `PUT /api/{c}/milestones/{id}/status` | 401 | ✔ |
                """);
        assertThatThrownBy(() -> matrix.add(new Route("GET", "/api/{c}"), List.of("401", "✔")))
                .hasMessageContaining("decided differently");
    }

    @Test
    void examplePathsFollowTheSegmentBeforeAVariableThenItsName() {
        PathExamples examples = new PathExamples(java.util.Map.of("milestones/{id}", "heat-2017", "{id}", "any", "{challenge}", "circular"));
        assertThat(examples.expand("/api/circular/milestones/{id}/status")).isEqualTo("/api/circular/milestones/heat-2017/status");
        assertThat(examples.expand("/api/circular/initiatives/{id}")).isEqualTo("/api/circular/initiatives/any");
        assertThat(examples.expand("/api/scorecards/{challenge}/series")).isEqualTo("/api/scorecards/circular/series");
        assertThat(examples.expand("/api/scorecards/editions/{edition}")).isEqualTo("/api/scorecards/editions/example");
        assertThat(examples.expand("/actuator/health/**")).isEqualTo("/actuator/health/x");
    }
}
