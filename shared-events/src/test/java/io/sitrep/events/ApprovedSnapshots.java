package io.sitrep.events;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Approved files under {@code src/test/resources/snapshots/<folder>}. A received form that differs
 * fails the test and is written to {@code target/snapshots/<folder>}; if the change is intended
 * (and compatible), copy it over the approved file.
 */
final class ApprovedSnapshots {

    private final Path approved;
    private final Path received;

    ApprovedSnapshots(String folder) {
        this.approved = Path.of("src/test/resources/snapshots").resolve(folder);
        this.received = Path.of("target/snapshots").resolve(folder);
    }

    Path approved(String name) {
        return approved.resolve(name + ".json");
    }

    void verify(String name, String receivedForm) throws IOException {
        Path file = approved(name);
        if (!Files.exists(file) || !Files.readString(file).equals(receivedForm)) {
            Files.createDirectories(received);
            Files.writeString(received.resolve(name + ".json"), receivedForm, StandardCharsets.UTF_8);
            fail("The JSON of %s differs from %s; the received form is in %s", name, file,
                    received.resolve(name + ".json"));
        }
    }
}
