package io.sitrep.query.web;

import java.util.List;
import java.util.Map;

/**
 * How statuses and impacts read and look on a page. A tone is what the stylesheet colours:
 * {@code ok} green, {@code degraded} yellow, {@code partial} orange, {@code major} red,
 * {@code maintenance} blue, {@code neutral} grey (an incident without impact) and {@code nodata}.
 */
final class Wording {

    /** Component tones from best to worst, for the worst of a group. */
    static final List<String> TONE_ORDER = List.of("ok", "maintenance", "degraded", "partial", "major");

    private static final Map<String, String> COMPONENT_LABELS = Map.of(
            "operational", "Operational",
            "degraded_performance", "Degraded Performance",
            "partial_outage", "Partial Outage",
            "major_outage", "Major Outage",
            "under_maintenance", "Under Maintenance");

    private static final Map<String, String> COMPONENT_TONES = Map.of(
            "operational", "ok",
            "degraded_performance", "degraded",
            "partial_outage", "partial",
            "major_outage", "major",
            "under_maintenance", "maintenance");

    private static final Map<String, String> INDICATOR_TONES = Map.of(
            "none", "ok",
            "minor", "degraded",
            "major", "partial",
            "critical", "major",
            "maintenance", "maintenance");

    private static final Map<String, String> IMPACT_TONES = Map.of(
            "none", "neutral",
            "minor", "degraded",
            "major", "partial",
            "critical", "major");

    private Wording() {
    }

    /** "Partial Outage" for {@code partial_outage}. */
    static String componentLabel(String status) {
        return COMPONENT_LABELS.getOrDefault(status, "Operational");
    }

    static String componentTone(String status) {
        return COMPONENT_TONES.getOrDefault(status, "ok");
    }

    /** The tone of a page's overall indicator (none, minor, major, critical, maintenance). */
    static String indicatorTone(String indicator) {
        return INDICATOR_TONES.getOrDefault(indicator, "ok");
    }

    /** The tone of an incident's impact (none, minor, major, critical). */
    static String impactTone(String impact) {
        return IMPACT_TONES.getOrDefault(impact, "neutral");
    }

    /** "Major impact", "No impact". */
    static String impactLabel(String impact) {
        return switch (impact == null ? "none" : impact) {
            case "minor" -> "Minor impact";
            case "major" -> "Major impact";
            case "critical" -> "Critical impact";
            default -> "No impact";
        };
    }

    /** The worse of two component tones. */
    static String worse(String a, String b) {
        return TONE_ORDER.indexOf(b) > TONE_ORDER.indexOf(a) ? b : a;
    }
}
