package io.sitrep.query.display;

import static io.sitrep.events.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.sitrep.events.ComponentStatus.MAJOR_OUTAGE;
import static io.sitrep.events.ComponentStatus.OPERATIONAL;
import static io.sitrep.events.ComponentStatus.PARTIAL_OUTAGE;
import static io.sitrep.events.ComponentStatus.UNDER_MAINTENANCE;

import io.sitrep.events.ComponentStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How bad a component's status is: the one order of component statuses wherever the read side
 * picks the worst (a group's status, a page's overall status). Maintenance is worse than
 * operational and better than any trouble, as on Statuspage.
 */
public final class Severity {

    private static final List<ComponentStatus> BEST_TO_WORST = List.of(
            OPERATIONAL, UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE);

    private Severity() {
    }

    /** 0 for operational up to 4 for a major outage. */
    public static int rank(ComponentStatus status) {
        return BEST_TO_WORST.indexOf(status);
    }

    /** The worst of these statuses; operational for none. */
    public static ComponentStatus worst(Collection<ComponentStatus> statuses) {
        return statuses.stream().max(Comparator.comparingInt(Severity::rank)).orElse(OPERATIONAL);
    }
}
