package io.sitrep.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One figure of the table: what was measured against its target, and against the same machine's
 * ceiling for that kind of work, measured in the same run.
 *
 * @param target   null for a figure reported without one
 * @param measured null when it could not be measured (no /proc, a phase that timed out)
 * @param ceiling  null for a figure without one
 */
record Row(String figure, Unit unit, Target target, Double measured, Double ceiling, String ceilingName) {

    enum Unit {
        PER_SECOND("/s", "%,.0f"),
        MILLISECONDS(" ms", "%,.1f"),
        SECONDS(" s", "%,.1f"),
        PERCENT(" %", "%.2f"),
        MEGABYTES(" MB", "%,.0f"),
        COUNT("", "%,.0f");

        private final String suffix;
        private final String format;

        Unit(String suffix, String format) {
            this.suffix = suffix;
            this.format = format;
        }

        String format(double value) {
            return String.format(Locale.ROOT, format, value) + suffix;
        }

        /** As {@link #format}, without decimals for a whole number: for targets. */
        String formatCompact(double value) {
            return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) + suffix : format(value);
        }
    }

    /** What the figure must be to pass. */
    record Target(Comparison comparison, double value) {

        enum Comparison {
            AT_LEAST(">="), AT_MOST("<="), BELOW("<"), EQUAL("=");

            private final String symbol;

            Comparison(String symbol) {
                this.symbol = symbol;
            }
        }

        static Target atLeast(double value) {
            return new Target(Comparison.AT_LEAST, value);
        }

        static Target atMost(double value) {
            return new Target(Comparison.AT_MOST, value);
        }

        static Target below(double value) {
            return new Target(Comparison.BELOW, value);
        }

        static Target zero() {
            return new Target(Comparison.EQUAL, 0);
        }

        boolean isMetBy(double measured) {
            return switch (comparison) {
                case AT_LEAST -> measured >= value;
                case AT_MOST -> measured <= value;
                case BELOW -> measured < value;
                case EQUAL -> measured == value;
            };
        }

        String text(Unit unit) {
            return comparison.symbol + " " + unit.formatCompact(value);
        }
    }

    @JsonProperty
    Double ratio() {
        return measured != null && ceiling != null && ceiling > 0 ? measured / ceiling : null;
    }

    /** How much worse than on an empty store a figure may be, as a share of that figure. */
    static final double GROWTH_ALLOWED = 0.20;

    /**
     * How this figure compares with the same figure measured on an empty store ({@code before}):
     * the change in percent, and for a rate or a latency whether it is within {@value
     * #GROWTH_ALLOWED} of it (a rate may fall, a latency rise, by that share at most). A count
     * that must be zero is judged by its target alone: "-".
     */
    String growth(Double before) {
        if (measured == null || before == null) {
            return "n/a";
        }
        if (target != null && (target.comparison() == Target.Comparison.EQUAL
                || target.comparison() == Target.Comparison.BELOW) || before == 0) {
            return "-";
        }
        double change = measured / before - 1;
        String percent = String.format(Locale.ROOT, "%+.0f %%", change * 100);
        if (target == null) {
            return percent;
        }
        boolean within = target.comparison() == Target.Comparison.AT_LEAST
                ? change >= -GROWTH_ALLOWED : change <= GROWTH_ALLOWED;
        return percent + (within ? " PASS" : " FAIL");
    }

    /** PASS or FAIL against the target; n/a when not measured; empty without a target. */
    @JsonProperty
    String verdict() {
        if (target == null) {
            return "";
        }
        if (measured == null) {
            return "n/a";
        }
        return target.isMetBy(measured) ? "PASS" : "FAIL";
    }
}
