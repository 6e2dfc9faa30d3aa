package io.sitrep.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries STYLE.md asks for, checked on every build. */
@AnalyzeClasses(packages = "io.sitrep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each package can be read, changed and tested on its own terms: none reaches back into another that needs it. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.sitrep.query.(*)..").should()
            .beFreeOfCycles();

    /** Pages and feeds read the read models; only the consumer writes them. */
    @ArchTest
    static final ArchRule onlyTheConsumerFoldsEvents = noClasses()
            .that().resideInAnyPackage("io.sitrep.query.api..", "io.sitrep.query.html..", "io.sitrep.query.statuspage..",
                    "io.sitrep.query.feed..")
            .should().dependOnClassesThat().haveSimpleName("Projector");
}
