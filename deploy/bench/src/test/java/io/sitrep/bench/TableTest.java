package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    private static final List<Row> ROWS = List.of(
            new Row("writes 2xx/s at saturation", Row.Unit.PER_SECOND, Row.Target.atLeast(1_000), 812.4, 4_060.0, "raw JDBC appends"),
            new Row("lag p50 idle", Row.Unit.MILLISECONDS, Row.Target.atMost(20), 12.34, null, null),
            new Row("non-2xx at saturation", Row.Unit.PERCENT, Row.Target.below(1), 0.0, null, null),
            new Row("RSS incident-query (max)", Row.Unit.MEGABYTES, Row.Target.atMost(512), null, null, null),
            new Row("catch-up: restart to healthy", Row.Unit.SECONDS, null, 14.25, null, null));

    @Test
    void eachRowIsJudgedAgainstItsTarget() {
        assertThat(ROWS).extracting(Row::verdict).containsExactly("FAIL", "PASS", "PASS", "n/a", "");
        assertThat(ROWS.get(0).ratio()).isEqualTo(812.4 / 4_060.0);
        assertThat(ROWS.get(1).ratio()).isNull();
        assertThat(Row.Target.zero().isMetBy(0)).isTrue();
        assertThat(Row.Target.zero().isMetBy(1)).isFalse();
    }

    @Test
    void theTextTableIsAligned() {
        assertThat(Table.text(ROWS, Map.of())).isEqualTo("""
                figure                       | target     | measured | ceiling (same run)       | ratio (measured/ceiling) | result
                -----------------------------+------------+----------+--------------------------+--------------------------+-------
                writes 2xx/s at saturation   | >= 1,000/s | 812/s    | 4,060/s raw JDBC appends | 0.20                     | FAIL
                lag p50 idle                 | <= 20 ms   | 12.3 ms  | -                        | -                        | PASS
                non-2xx at saturation        | < 1 %      | 0.00 %   | -                        | -                        | PASS
                RSS incident-query (max)     | <= 512 MB  | n/a      | -                        | -                        | n/a
                catch-up: restart to healthy | -          | 14.3 s   | -                        | -                        | -
                """);
    }

    @Test
    void theMarkdownTableHasAHeaderRule() {
        assertThat(Table.markdown(ROWS.subList(0, 1), Map.of())).isEqualTo("""
                | figure | target | measured | ceiling (same run) | ratio (measured/ceiling) | result |
                |---|---|---|---|---|---|
                | writes 2xx/s at saturation | >= 1,000/s | 812/s | 4,060/s raw JDBC appends | 0.20 | FAIL |
                """);
    }

    @Test
    void aRunOnAFullStoreIsComparedWithTheEmptyStoresFigures() {
        Map<String, Double> emptyStore = new LinkedHashMap<>();
        emptyStore.put("writes 2xx/s at saturation", 1_000.0); // 812 is 19 % fewer: within 20 %
        emptyStore.put("lag p50 idle", 10.0); // 12.34 is 23 % more: not
        emptyStore.put("non-2xx at saturation", 0.0);
        emptyStore.put("RSS incident-query (max)", 300.0);
        emptyStore.put("catch-up: restart to healthy", 10.0);

        assertThat(Table.markdown(ROWS, emptyStore)).isEqualTo("""
                | figure | target | measured | ceiling (same run) | ratio (measured/ceiling) | result | empty store | change (within 20 %) |
                |---|---|---|---|---|---|---|---|
                | writes 2xx/s at saturation | >= 1,000/s | 812/s | 4,060/s raw JDBC appends | 0.20 | FAIL | 1,000/s | -19 % PASS |
                | lag p50 idle | <= 20 ms | 12.3 ms | - | - | PASS | 10.0 ms | +23 % FAIL |
                | non-2xx at saturation | < 1 % | 0.00 % | - | - | PASS | 0.00 % | - |
                | RSS incident-query (max) | <= 512 MB | n/a | - | - | n/a | 300 MB | n/a |
                | catch-up: restart to healthy | - | 14.3 s | - | - | - | 10.0 s | +43 % |
                """);
    }
}
