package io.sitrep.query.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.ComponentStatus;
import io.sitrep.query.display.ComponentGroups.Block;
import io.sitrep.query.readmodel.ComponentView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentGroupsTest {

    private static final Instant T = Instant.parse("2024-11-25T16:23:00Z");

    @Test
    void aGroupStandsWhereItsFirstMemberStandsWithAllItsMembers() {
        ComponentView widget = component("widget", "Chat");
        ComponentView billing = component("billing", null);
        ComponentView api = component("api", "Chat");
        ComponentView web = component("web", "Site");

        assertThat(ComponentGroups.of(List.of(widget, billing, api, web))).containsExactly(
                new Block("Chat", List.of(widget, api)),
                new Block(null, List.of(billing)),
                new Block("Site", List.of(web)));
    }

    @Test
    void aComponentWhoseIdIsAGroupsNameStaysApartFromThatGroup() {
        ComponentView chat = component("Chat", null);
        ComponentView widget = component("widget", "Chat");

        assertThat(ComponentGroups.of(List.of(chat, widget))).containsExactly(
                new Block(null, List.of(chat)), new Block("Chat", List.of(widget)));
    }

    private static ComponentView component(String id, String group) {
        return new ComponentView(id, id.toUpperCase(), group, ComponentStatus.OPERATIONAL, 0, T, T);
    }
}
