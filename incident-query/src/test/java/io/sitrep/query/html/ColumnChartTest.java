package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The geometry of the dashboard's charts, worked out by hand. */
class ColumnChartTest {

    private static final List<ColumnChart.Series> TWO = List.of(new ColumnChart.Series("minor", "degraded"),
            new ColumnChart.Series("major", "partial"));

    @Test
    void stackedCountsSitOnEachOtherOnAScaleOfWholeSteps() {
        ColumnChart chart = chart(true, true, List.of(new ColumnChart.Column("Week of Nov 25", "Nov 25",
                List.of(1.0, 2.0))));

        // The plot runs from x = 56 to 712 and from y = 10 to the baseline at 212: 202 units for the top of the
        // scale, 4. The one column takes 70 % of its 656 units, 15 % in.
        assertThat(chart.ticks()).extracting(ColumnChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
        assertThat(chart.rects()).containsExactly(
                new ColumnChart.Rect(154.4, 161.5, 459.2, 50.5, "degraded", "Week of Nov 25: minor 1"),
                new ColumnChart.Rect(154.4, 60.5, 459.2, 101.0, "partial", "Week of Nov 25: major 2"));
        assertThat(chart.table()).containsExactly(List.of("Week of Nov 25", "1", "2"));
    }

    @Test
    void sideBySideValuesShareTheirColumnAndNothingIsDrawnForNone() {
        ColumnChart chart = chart(false, false, List.of(new ColumnChart.Column("Nov 2024", List.of(3.3, 3.3)),
                new ColumnChart.Column("Dec 2024", Arrays.asList(null, 0.0))));

        assertThat(chart.ticks()).extracting(ColumnChart.Tick::label).containsExactly("0", "1", "2", "3", "4");
        assertThat(chart.rects()).hasSize(2);
        assertThat(chart.rects().get(1).x() - chart.rects().get(0).x()).isEqualTo(chart.rects().get(0).width());
        assertThat(chart.table().get(1)).containsExactly("Dec 2024", "–", "0");
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void labelsThatWouldOverlapAreThinnedOutAndLongOnesCut() {
        List<ColumnChart.Column> months = java.util.stream.IntStream.range(0, 13)
                .mapToObj(m -> new ColumnChart.Column("Month " + (2000 + m), List.of(1.0, 1.0))).toList();

        ColumnChart chart = chart(false, true, months);

        assertThat(chart.labels()).extracting(ColumnChart.Label::text)
                .containsExactly("Month 2000", "Month 2002", "Month 2004", "Month 2006", "Month 2008", "Month 2010",
                        "Month 2012");
        assertThat(new ColumnChart.Column("A component with a long name", List.of()).label())
                .isEqualTo("A component wit…");
    }

    @Test
    void aChartOfNothingSaysSo() {
        assertThat(chart(true, true, List.of(new ColumnChart.Column("Jun 2", List.of(0.0, 0.0)))).empty()).isTrue();
    }

    private static ColumnChart chart(boolean stacked, boolean whole, List<ColumnChart.Column> columns) {
        return new ColumnChart("test", "Test", "A test.", TWO, columns, stacked, null, whole,
                value -> value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.1f", value));
    }
}
