package io.sitrep.query.web;

import io.sitrep.query.readmodel.Views.ComponentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of an incident report: "This incident affected: Chat (Widget, Dashboard and API) and
 * Billing". Components are grouped by group, groups in the order the incident first named one of
 * their members; an ungrouped component stands alone. No final period, as on Statuspage.
 */
final class AffectedComponents {

    private AffectedComponents() {
    }

    /** The sentence for the components an incident named, in the order it first named them; empty for none. */
    static Optional<String> sentence(List<ComponentView> named) {
        String list = list(named);
        return list.isEmpty() ? Optional.empty() : Optional.of("This incident affected: " + list);
    }

    /** "G1 (A and B), G2 (C) and D". */
    static String list(List<ComponentView> named) {
        // A key per entry: the group's name, or the component itself when it has no group.
        Map<String, List<String>> entries = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        for (ComponentView component : named) {
            String key = component.group() == null ? "component:" + component.id() : "group:" + component.group();
            entries.computeIfAbsent(key, k -> new ArrayList<>()).add(component.name());
            if (component.group() != null) {
                headings.putIfAbsent(key, component.group());
            }
        }
        List<String> parts = new ArrayList<>();
        entries.forEach((key, names) -> {
            String group = headings.get(key);
            parts.add(group == null ? names.get(0) : group + " (" + join(names) + ")");
        });
        return join(parts);
    }

    /** "A", "A and B", "A, B and C". */
    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
