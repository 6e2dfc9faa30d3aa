package io.sitrep.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries STYLE.md asks for, checked on every build. */
@AnalyzeClasses(packages = "io.sitrep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theWriteSideKnowsNothingOfTheReadSide = noClasses()
            .that().resideInAPackage("io.sitrep.command..")
            .should().dependOnClassesThat().resideInAPackage("io.sitrep.query..");

    /** Aggregates decide on commands alone: no HTTP, no security, no SQL in them. */
    @ArchTest
    static final ArchRule aggregatesAreFreeOfTheirAdapters = noClasses()
            .that().haveSimpleName("Incident").or().haveSimpleName("Page")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.security..", "org.springframework.jdbc..", "jakarta.servlet..",
                    "io.sitrep.command.web..", "io.sitrep.command.security..");
}
