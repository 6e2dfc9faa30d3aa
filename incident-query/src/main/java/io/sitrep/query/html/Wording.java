package io.sitrep.query.html;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import java.util.Map;

/**
 * How statuses and impacts read and look on a page. A tone is what the stylesheet colours:
 * {@code ok} green, {@code degraded} yellow, {@code partial} orange, {@code major} red,
 * {@code maintenance} blue, {@code neutral} grey (an incident without impact) and {@code nodata}.
 */
final class Wording {

    private static final Map<String, String> INDICATOR_TONES = Map.of(
            "none", "ok",
            "minor", "degraded",
            "major", "partial",
            "critical", "major",
            "maintenance", "maintenance");

    private Wording() {
    }

    /** "Partial Outage" for a partial outage. */
    static String componentLabel(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "Operational";
            case DEGRADED_PERFORMANCE -> "Degraded Performance";
            case PARTIAL_OUTAGE -> "Partial Outage";
            case MAJOR_OUTAGE -> "Major Outage";
            case UNDER_MAINTENANCE -> "Under Maintenance";
        };
    }

    static String componentTone(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "ok";
            case DEGRADED_PERFORMANCE -> "degraded";
            case PARTIAL_OUTAGE -> "partial";
            case MAJOR_OUTAGE -> "major";
            case UNDER_MAINTENANCE -> "maintenance";
        };
    }

    /** The tone of a page's overall indicator (none, minor, major, critical, maintenance). */
    static String indicatorTone(String indicator) {
        return INDICATOR_TONES.getOrDefault(indicator, "ok");
    }

    /** The tone of an incident's impact. */
    static String impactTone(Impact impact) {
        return switch (impact) {
            case NONE -> "neutral";
            case MINOR -> "degraded";
            case MAJOR -> "partial";
            case CRITICAL -> "major";
        };
    }

    /** "Major impact", "No impact". */
    static String impactLabel(Impact impact) {
        return switch (impact) {
            case NONE -> "No impact";
            case MINOR -> "Minor impact";
            case MAJOR -> "Major impact";
            case CRITICAL -> "Critical impact";
        };
    }
}
