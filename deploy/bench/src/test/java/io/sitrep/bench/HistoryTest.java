package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private final History history = new History(List.of("page-a"));

    @Test
    void eachIncidentIsOpenedUpdatedAndResolvedOneWriteAtATime() {
        Request open = history.get();
        assertThat(open.path()).isEqualTo("/api/v1/pages/page-a/incidents");
        assertThat(history.get().path()).as("nothing is due while the opening is unanswered")
                .isEqualTo("/api/v1/pages/page-a/incidents");

        List<String> paths = new ArrayList<>();
        for (int version = 1; version < History.EVENTS_PER_INCIDENT; version++) {
            history.accept(written("inc-1", version));
            paths.add(history.get().path());
        }
        history.accept(written("inc-1", History.EVENTS_PER_INCIDENT));

        assertThat(paths).containsExactly("/api/v1/incidents/inc-1/updates", "/api/v1/incidents/inc-1/updates",
                "/api/v1/incidents/inc-1/updates", "/api/v1/incidents/inc-1/resolve");
        assertThat(history.get().path()).as("a resolved incident is done: the next write opens another")
                .isEqualTo("/api/v1/pages/page-a/incidents");
    }

    private static Response written(String incident, long version) {
        String body = "{\"incidentId\":\"" + incident + "\",\"version\":" + version + "}";
        return new Response(201, body.getBytes(StandardCharsets.UTF_8), true);
    }
}
