package nl.amsterdameconomicboard.roadmaps.events;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract is what producers and consumers share, so it must not pull in a framework or any service's code. */
@AnalyzeClasses(packages = "nl.amsterdameconomicboard.roadmaps.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractArchitectureTest {

    @ArchTest
    static final ArchRule noSpring = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("any Kafka client reads the contract, with or without Spring");

    @ArchTest
    static final ArchRule noOtherPlatformModule = noClasses()
            .should().dependOnClassesThat(resideInAPackage("nl.amsterdameconomicboard..")
                    .and(resideOutsideOfPackage("nl.amsterdameconomicboard.roadmaps.events..")))
            .because("every service depends on the contract, so the contract depends on none of them");

    // one package today; this keeps sub-packages added later free of cycles
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("nl.amsterdameconomicboard.roadmaps.events.(**)")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);
}
