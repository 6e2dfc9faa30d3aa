package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.events.ComponentStatus;
import io.sitrep.query.readmodel.ComponentView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffectedComponentsTest {

    private static final Instant T = Instant.parse("2024-11-25T16:23:00Z");

    @Test
    void namesASingleComponentAlone() {
        assertThat(AffectedComponents.sentence(List.of(component("api", "API", null))))
                .contains("This incident affected: API");
    }

    @Test
    void putsAGroupsMembersInParenthesesJoinedWithCommasAlone() {
        List<ComponentView> named = List.of(
                component("a", "Widget", "Chat"),
                component("b", "Dashboard", "Chat"),
                component("c", "API", "Chat"));

        assertThat(AffectedComponents.sentence(named))
                .contains("This incident affected: Chat (Widget, Dashboard, API)");
    }

    @Test
    void joinsTwoGroupsAndAnUngroupedComponent() {
        List<ComponentView> named = List.of(
                component("a", "A", "G1"),
                component("c", "C", "G2"),
                component("b", "B", "G1"),
                component("d", "D", null));

        assertThat(AffectedComponents.list(named)).isEqualTo("G1 (A, B), G2 (C) and D");
    }

    @Test
    void keepsTheOrderInWhichTheIncidentFirstNamedThem() {
        List<ComponentView> named = List.of(
                component("d", "D", null),
                component("c", "C", "G2"),
                component("a", "A", "G1"));

        assertThat(AffectedComponents.list(named)).isEqualTo("D, G2 (C) and G1 (A)");
    }

    @Test
    void saysNothingWhenTheIncidentNamedNoComponent() {
        assertThat(AffectedComponents.sentence(List.of())).isEmpty();
    }

    @Test
    void endsWithoutAPeriod() {
        assertThat(AffectedComponents.sentence(List.of(component("a", "A", "G"), component("b", "B", "G"))))
                .hasValueSatisfying(sentence -> assertThat(sentence).endsWith("(A, B)"));
    }

    private static ComponentView component(String id, String name, String group) {
        return new ComponentView(id, name, group, ComponentStatus.PARTIAL_OUTAGE, 0, T, T);
    }
}
