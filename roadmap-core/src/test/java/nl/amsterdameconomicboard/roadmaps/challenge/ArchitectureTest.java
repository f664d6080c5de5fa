package nl.amsterdameconomicboard.roadmaps.challenge;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The boundaries inside a challenge service. Features ({@code spearhead}, {@code milestone}, {@code indicator},
 * {@code initiative}, …) form no cycles, never reach into {@code web} (the HTTP edge), and aggregates decide their
 * changes without touching the store: only {@link ChangeWriter} writes them.
 */
class ArchitectureTest {

    private static final String ROOT = "nl.amsterdameconomicboard.roadmaps.challenge";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingDependsOnTheWebEdge() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".web..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoFeature() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".change..", ROOT + ".outbox..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".spearhead..", ROOT + ".milestone..", ROOT + ".indicator..",
                        ROOT + ".initiative..", ROOT + ".roadmap..", ROOT + ".seed..", ROOT + ".security..", ROOT + ".web..")
                .check(classes);
    }

    @Test
    void aggregatesDecideTheirChangesWithoutTheStore() {
        noClasses().that().implement(Aggregate.class)
                .should().dependOnClassesThat().areAssignableTo(MongoTemplate.class)
                .orShould().dependOnClassesThat().areAssignableTo(ChangeWriter.class)
                .check(classes);
    }

    /** The outbox relay removes what it published; the seeder inserts the challenge document, which is no aggregate. */
    @Test
    void onlyTheWriterChangesTheStore() {
        noClasses().that().doNotBelongToAnyOf(ChangeWriter.class, OutboxRelay.class)
                .and().doNotHaveSimpleName("RoadmapSeeder")
                .should().callMethodWhere(target(owner(assignableTo(MongoTemplate.class)))
                        .and(target(nameMatching("insert.*|save|update.*|findAndModify|findAndReplace|upsert|remove.*|bulkOps"))))
                .check(classes);
    }
}
