package nl.amsterdameconomicboard.roadmaps.scorecard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.http.ProblemDetail;

/**
 * How the scorecard hangs together: the Kafka intake feeds the projections (one state per milestone, indicator,
 * spearhead, initiative) and tells open dashboards (stream); repair replaces a challenge's projections from its
 * service; the card is computed from the projections; editions freeze cards (and the series behind them); the open
 * data reads the cards, the projections and the editions; reminders read the projections.
 */
@AnalyzeClasses(packages = "nl.amsterdameconomicboard.roadmaps.scorecard", importOptions = ImportOption.DoNotIncludeTests.class)
class ScorecardArchitectureTest {

    private static final String BASE = "nl.amsterdameconomicboard.roadmaps.scorecard";

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Intake").definedBy(BASE + ".intake..")
            .layer("Repair").definedBy(BASE + ".repair..")
            .layer("Editions").definedBy(BASE + ".edition..")
            .layer("OpenData").definedBy(BASE + ".opendata..")
            .layer("Reminders").definedBy(BASE + ".reminders..")
            .layer("Card").definedBy(BASE + ".card..")
            .layer("Stream").definedBy(BASE + ".stream..")
            .layer("Projections").definedBy(BASE + ".milestone..", BASE + ".indicator..", BASE + ".spearhead..",
                    BASE + ".initiative..", BASE + ".projection..")
            .whereLayer("Intake").mayNotBeAccessedByAnyLayer()
            .whereLayer("Repair").mayNotBeAccessedByAnyLayer()
            .whereLayer("OpenData").mayNotBeAccessedByAnyLayer()
            .whereLayer("Reminders").mayNotBeAccessedByAnyLayer()
            .whereLayer("Editions").mayOnlyBeAccessedByLayers("OpenData")
            .whereLayer("Card").mayOnlyBeAccessedByLayers("Editions", "OpenData")
            .whereLayer("Stream").mayOnlyBeAccessedByLayers("Intake", "Repair")
            // the stream reads the projections' versions before it tells of another replica's change (ProjectionVersions)
            .whereLayer("Projections").mayOnlyBeAccessedByLayers("Intake", "Card", "Repair", "Editions", "OpenData", "Reminders", "Stream");

    @ArchTest
    static final ArchRule onlyTheIntakeKnowsKafka = noClasses().that().resideOutsideOfPackage(BASE + ".intake..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.cloudevents..")
            .because("the scorecard reads events from Kafka in one place; the rest works on the states");

    @ArchTest
    static final ArchRule refusalsThroughProblems = noClasses().should().dependOnClassesThat().areAssignableTo(ProblemDetail.class)
            .because("refusals are worded once, by service-support's Problems");
}
