package io.sitrep.query.display;

import io.sitrep.query.readmodel.ComponentView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How components are grouped wherever they are shown: a group stands where its first member
 * stands, with all its members in their order; a component without a group stands alone. The
 * status page, the incident report's "This incident affected" line and the Statuspage JSON all
 * group this way.
 */
public final class ComponentGroups {

    /** A group's name and members, or (with a null group) one component that has none. */
    public record Block(String group, List<ComponentView> members) {
    }

    private ComponentGroups() {
    }

    /** The blocks of these components, in the order of each block's first member. */
    public static List<Block> of(List<ComponentView> components) {
        Map<String, List<ComponentView>> blocks = new LinkedHashMap<>();
        for (ComponentView component : components) {
            // Keys of their own for groups and lone components: a component's id may equal a group's name.
            String key = component.group() == null ? "component:" + component.id() : "group:" + component.group();
            blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(component);
        }
        return blocks.values().stream()
                .map(members -> new Block(members.get(0).group(), List.copyOf(members)))
                .toList();
    }
}
