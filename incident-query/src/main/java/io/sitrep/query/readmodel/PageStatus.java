package io.sitrep.query.readmodel;

import io.sitrep.query.readmodel.Views.ComponentView;
import io.sitrep.query.readmodel.Views.IncidentView;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A page's overall status, as Statuspage words it: the worst of its unresolved incidents' impacts
 * and its components' statuses, where maintenance counts only when nothing is worse.
 */
public record PageStatus(String indicator, String description) {

    /** From best to worst. */
    private static final List<PageStatus> SCALE = List.of(
            new PageStatus("none", "All Systems Operational"),
            new PageStatus("maintenance", "Service Under Maintenance"),
            new PageStatus("minor", "Minor Service Outage"),
            new PageStatus("major", "Partial System Outage"),
            new PageStatus("critical", "Major System Outage"));

    private static final Map<String, String> COMPONENT_INDICATOR = Map.of(
            "operational", "none",
            "under_maintenance", "maintenance",
            "degraded_performance", "minor",
            "partial_outage", "major",
            "major_outage", "critical");

    public static PageStatus of(Collection<IncidentView> unresolved, Collection<ComponentView> components) {
        int worst = 0;
        for (IncidentView incident : unresolved) {
            worst = Math.max(worst, rank(incident.impact()));
        }
        for (ComponentView component : components) {
            worst = Math.max(worst, rank(COMPONENT_INDICATOR.getOrDefault(component.status(), "none")));
        }
        return SCALE.get(worst);
    }

    private static int rank(String indicator) {
        for (int i = 0; i < SCALE.size(); i++) {
            if (SCALE.get(i).indicator().equals(indicator)) {
                return i;
            }
        }
        return 0;
    }
}
