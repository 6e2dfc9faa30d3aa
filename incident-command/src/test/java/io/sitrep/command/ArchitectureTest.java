package io.sitrep.command;

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
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.sitrep.command.(*)..").should()
            .beFreeOfCycles();

    /** The web layer turns failures into answers by what they carry; it knows no feature. */
    @ArchTest
    static final ArchRule theWebLayerKnowsNoFeature = noClasses()
            .that().resideInAPackage("io.sitrep.command.web..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitrep.command.idempotency..",
                    "io.sitrep.command.incident..", "io.sitrep.command.page..", "io.sitrep.command.relay..",
                    "io.sitrep.command.security..", "io.sitrep.command.config..");

    /** Aggregates decide on commands alone: no HTTP, no security, no SQL in them. */
    @ArchTest
    static final ArchRule aggregatesAreFreeOfTheirAdapters = noClasses()
            .that().haveSimpleName("Incident").or().haveSimpleName("Page")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.security..", "org.springframework.jdbc..", "jakarta.servlet..",
                    "io.sitrep.command.web..", "io.sitrep.command.security..");
}
