package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void countsAnswersByKindAndMergesThreads() {
        Tally first = new Tally();
        first.answered(201, 2_000_000);
        first.answered(200, 4_000_000);
        first.answered(409, 1_000_000);
        first.answered(503, 1_000_000);
        Tally second = new Tally();
        second.answered(404, 1_000_000);
        second.answered(500, 1_000_000);
        second.ioError();

        first.add(second);

        Counts counts = first.counts();
        assertThat(counts).isEqualTo(new Counts(2, 1, 1, 1, 1, 1));
        assertThat(counts.serverErrors()).isEqualTo(2);
        assertThat(counts.notOkPercent()).isEqualTo(100.0 * 5 / 7);
        assertThat(first.latency().count()).isEqualTo(6);
        assertThat(first.latency().max()).isEqualTo(4.0, org.assertj.core.api.Assertions.within(0.01));
    }
}
