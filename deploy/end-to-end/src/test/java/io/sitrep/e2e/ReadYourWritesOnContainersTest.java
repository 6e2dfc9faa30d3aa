package io.sitrep.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link ReadYourWritesTest} on PostgreSQL and Kafka in Docker ({@link SitrepOnContainers}); skipped without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ReadYourWritesOnContainersTest extends ReadYourWritesTest {

    @Override
    RunningSitrep sitrep() {
        return SitrepOnContainers.get();
    }
}
