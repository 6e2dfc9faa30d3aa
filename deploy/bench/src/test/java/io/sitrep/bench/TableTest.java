package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
        assertThat(Table.text(ROWS)).isEqualTo("""
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
        assertThat(Table.markdown(ROWS.subList(0, 1))).isEqualTo("""
                | figure | target | measured | ceiling (same run) | ratio (measured/ceiling) | result |
                |---|---|---|---|---|---|
                | writes 2xx/s at saturation | >= 1,000/s | 812/s | 4,060/s raw JDBC appends | 0.20 | FAIL |
                """);
    }
}
