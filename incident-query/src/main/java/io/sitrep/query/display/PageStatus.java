package io.sitrep.query.display;

import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.WireNames;
import java.util.Collection;
import java.util.List;

/**
 * A page's overall status, as Statuspage words it: the worst of its unresolved incidents' impacts
 * and its components' statuses, where maintenance counts only when nothing is worse.
 */
public record PageStatus(String indicator, String description) {

    /** From best to worst; a component's {@link Severity#rank} is its place on this scale. */
    private static final List<PageStatus> SCALE = List.of(
            new PageStatus("none", "All Systems Operational"),
            new PageStatus("maintenance", "Service Under Maintenance"),
            new PageStatus("minor", "Minor Service Outage"),
            new PageStatus("major", "Partial System Outage"),
            new PageStatus("critical", "Major System Outage"));

    public static PageStatus of(Collection<IncidentView> unresolved, Collection<ComponentView> components) {
        int worst = 0;
        for (IncidentView incident : unresolved) {
            worst = Math.max(worst, rank(WireNames.of(incident.impact())));
        }
        for (ComponentView component : components) {
            worst = Math.max(worst, Severity.rank(component.status()));
        }
        return SCALE.get(worst);
    }

    /** An impact's place on the scale: none, minor, major and critical are indicators too. */
    private static int rank(String indicator) {
        for (int i = 0; i < SCALE.size(); i++) {
            if (SCALE.get(i).indicator().equals(indicator)) {
                return i;
            }
        }
        return 0;
    }
}
