package io.sitrep.query.readmodel;

import io.sitrep.events.IncidentStatus;
import java.util.Locale;

/**
 * The statuses and impacts of shared-events as the read models store them and every API writes
 * them: {@code MAJOR_OUTAGE} is {@code major_outage}, as in the events' JSON; and an incident
 * status as a page labels it.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** What a status page calls an incident status: {@code Investigating}. */
    public static String label(IncidentStatus status) {
        String name = of(status);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
    }
}
