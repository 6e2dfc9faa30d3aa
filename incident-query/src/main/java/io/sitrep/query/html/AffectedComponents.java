package io.sitrep.query.html;

import io.sitrep.query.display.ComponentGroups;
import io.sitrep.query.readmodel.ComponentView;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The end of an incident report: "This incident affected: Chat (Widget, Dashboard, API) and
 * Billing". Components are grouped as everywhere ({@link ComponentGroups}), in the order the
 * incident first named them. No final period, as on Statuspage.
 */
final class AffectedComponents {

    private AffectedComponents() {
    }

    /** The sentence for the components an incident named, in the order it first named them; empty for none. */
    static Optional<String> sentence(List<ComponentView> named) {
        String list = list(named);
        return list.isEmpty() ? Optional.empty() : Optional.of("This incident affected: " + list);
    }

    /**
     * "G1 (A, B), G2 (C) and D": the blocks joined with a final "and", a group's members inside its
     * parentheses with commas alone.
     */
    static String list(List<ComponentView> named) {
        List<String> parts = ComponentGroups.of(named).stream()
                .map(block -> block.group() == null ? block.members().get(0).name()
                        : block.group() + " (" + block.members().stream().map(ComponentView::name)
                                .collect(Collectors.joining(", ")) + ")")
                .toList();
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
