package io.sitrep.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link OlarkReportTest} on PostgreSQL and Kafka in Docker ({@link SitrepOnContainers}); skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class OlarkReportOnContainersTest extends OlarkReportTest {

    @Override
    RunningSitrep sitrep() {
        return SitrepOnContainers.get();
    }
}
