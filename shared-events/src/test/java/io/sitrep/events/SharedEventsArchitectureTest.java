package io.sitrep.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The events are the wire contract for every consumer: they may not drag a framework along. Jackson
 * and the CloudEvents SDK are the only libraries they use.
 */
@AnalyzeClasses(packages = "io.sitrep.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoFramework = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..", "tools.jackson..",
                    "org.apache.kafka..", "jakarta..");
}
