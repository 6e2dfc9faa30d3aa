package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void anOpenLoopSpreadsItsRateEvenlyOverTheConnections() {
        Pacing pacing = Pacing.openLoop(1_000, Duration.ofMillis(10));
        List<Long> due = new ArrayList<>();
        for (int connection = 0; connection < 4; connection++) {
            LongSupplier clock = pacing.clock(connection, 4, 1_000_000L);
            for (long next = clock.getAsLong(); next != Pacing.STOP; next = clock.getAsLong()) {
                due.add(next - 1_000_000L);
            }
        }

        // 1,000/s for 10 ms: ten requests, one every millisecond, whoever sends them.
        assertThat(due).hasSize(10);
        assertThat(due.stream().sorted().toList()).containsExactly(
                0L, 1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L, 5_000_000L, 6_000_000L, 7_000_000L, 8_000_000L, 9_000_000L);
    }

    @Test
    void aRequestBudgetIsSharedByTheConnections() {
        Pacing pacing = Pacing.requests(3);
        LongSupplier first = pacing.clock(0, 2, 0);
        LongSupplier second = pacing.clock(1, 2, 0);

        assertThat(first.getAsLong()).isNotEqualTo(Pacing.STOP);
        assertThat(second.getAsLong()).isNotEqualTo(Pacing.STOP);
        assertThat(first.getAsLong()).isNotEqualTo(Pacing.STOP);
        assertThat(second.getAsLong()).isEqualTo(Pacing.STOP);
        assertThat(first.getAsLong()).isEqualTo(Pacing.STOP);
    }

    @Test
    void aPacingCanBeEndedEarly() {
        boolean[] over = {false};
        LongSupplier clock = Pacing.openLoop(1_000, Duration.ofHours(1)).until(() -> over[0]).clock(0, 1, 0);

        assertThat(clock.getAsLong()).isEqualTo(0);
        assertThat(clock.getAsLong()).isEqualTo(1_000_000);
        over[0] = true;
        assertThat(clock.getAsLong()).isEqualTo(Pacing.STOP);
    }

    @Test
    void aClosedLoopSendsAtOnceUntilWarmUpAndDurationArePast() {
        Pacing pacing = Pacing.closedLoop(Duration.ofSeconds(3), Duration.ofSeconds(8));

        assertThat(pacing.warmUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pacing.clock(0, 1, System.nanoTime()).getAsLong()).isNotEqualTo(Pacing.STOP);
        assertThat(pacing.clock(0, 1, System.nanoTime() - Duration.ofSeconds(11).toNanos()).getAsLong())
                .isEqualTo(Pacing.STOP);
    }
}
