package nl.amsterdameconomicboard.roadmaps.challenge;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import nl.amsterdameconomicboard.roadmaps.challenge.change.Aggregate;
import nl.amsterdameconomicboard.roadmaps.challenge.change.ChangeWriter;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.OutboxRelay;
import nl.amsterdameconomicboard.roadmaps.challenge.outbox.ParkedEvents;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The boundaries inside a challenge service. Features ({@code spearhead}, {@code milestone}, {@code indicator},
 * {@code initiative}, …) form no cycles and never reach into {@code web} (the HTTP edge); the shared kernel
 * ({@code change}, {@code outbox}) knows no feature; aggregates decide their changes without the store, and only
 * {@link ChangeWriter} writes them.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "nl.amsterdameconomicboard.roadmaps.challenge";

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingDependsOnTheWebEdge = noClasses().that().resideOutsideOfPackage(ROOT + ".web..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".web..");

    @ArchTest
    static final ArchRule theSharedKernelKnowsNoFeature = noClasses()
            .that().resideInAnyPackage(ROOT, ROOT + ".change..", ROOT + ".outbox..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".spearhead..", ROOT + ".milestone..", ROOT + ".indicator..",
                    ROOT + ".initiative..", ROOT + ".roadmap..", ROOT + ".seed..", ROOT + ".security..", ROOT + ".announcement..",
                    ROOT + ".parked..", ROOT + ".web..");

    @ArchTest
    static final ArchRule aggregatesDecideWithoutTheStore = noClasses().that().implement(Aggregate.class)
            .should().dependOnClassesThat().areAssignableTo(MongoTemplate.class)
            .orShould().dependOnClassesThat().areAssignableTo(ChangeWriter.class);

    /**
     * The outbox relay removes what it published, and parks (and an admin un-parks) what Kafka refuses; the seeder
     * inserts the challenge document, which is no aggregate.
     */
    @ArchTest
    static final ArchRule onlyTheWriterChangesTheStore = noClasses()
            .that().doNotBelongToAnyOf(ChangeWriter.class, OutboxRelay.class, ParkedEvents.class).and().doNotHaveSimpleName("RoadmapSeeder")
            .should().callMethodWhere(target(owner(assignableTo(MongoTemplate.class)))
                    .and(target(nameMatching("insert.*|save|update.*|findAndModify|findAndReplace|upsert|remove.*|bulkOps"))));
}
