package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentWritesTest {

    @Test
    void keepsTheIncidentsWrittenLastWithTheirHighestVersions() {
        RecentWrites recent = new RecentWrites();
        recent.accept(answer("inc_a", 1));
        recent.accept(answer("inc_b", 4));
        recent.accept(answer("inc_c", 1));
        recent.accept(answer("inc_a", 3));
        recent.accept(answer("inc_a", 2)); // answered after version 3, sent before it

        assertThat(recent.last(2)).containsExactly(new Written("inc_c", 1), new Written("inc_a", 3));
        assertThat(recent.last(10)).hasSize(3).first().isEqualTo(new Written("inc_b", 4));
    }

    @Test
    void aReadShowsAWriteOnceItHasItsVersion() {
        Written written = new Written("inc_a", 3);

        assertThat(written.isShownBy(read(200, "{\"id\":\"inc_a\",\"version\":3,\"updates\":[]}"))).isTrue();
        assertThat(written.isShownBy(read(200, "{\"id\":\"inc_a\",\"version\":2,\"updates\":[]}"))).isFalse();
        assertThat(written.isShownBy(read(404, "{\"status\":404}"))).isFalse();
    }

    private static Response answer(String incident, long version) {
        return read(200, "{\"incidentId\":\"" + incident + "\",\"version\":" + version + "}");
    }

    private static Response read(int status, String json) {
        return new Response(status, json.getBytes(StandardCharsets.UTF_8), true);
    }
}
