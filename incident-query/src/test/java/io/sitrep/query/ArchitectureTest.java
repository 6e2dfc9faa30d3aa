package io.sitrep.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The read side knows the events and nothing of the write side: not its code, not Axon. */
@AnalyzeClasses(packages = "io.sitrep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theReadSideKnowsOnlyTheEvents = noClasses()
            .that().resideInAPackage("io.sitrep.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.command..", "org.axonframework..");

    /** Pages and feeds read the read models; only the consumer writes them. */
    @ArchTest
    static final ArchRule onlyTheConsumerFoldsEvents = noClasses()
            .that().resideInAnyPackage("io.sitrep.query.api..", "io.sitrep.query.web..", "io.sitrep.query.statuspage..",
                    "io.sitrep.query.feed..")
            .should().dependOnClassesThat().haveSimpleName("Projector");
}
