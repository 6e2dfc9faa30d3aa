package io.sitrep.query.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.PostmortemView;
import io.sitrep.query.readmodel.UpdateView;
import io.sitrep.query.statuspage.StatuspageJson.Component;
import io.sitrep.query.statuspage.StatuspageJson.Incident;
import io.sitrep.query.statuspage.StatuspageJson.IncidentUpdate;
import io.sitrep.query.statuspage.StatuspageJson.Summary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatuspageMappingTest {

    static final Instant CREATED = Instant.parse("2024-11-26T03:00:00Z");
    static final Instant OPENED = Instant.parse("2024-11-25T16:23:00Z");
    static final PageView PAGE = new PageView("olark", "Olark Live Chat", "America/Los_Angeles", CREATED, CREATED);
    static final PageLinks LINKS = new PageLinks("https://status.example.com", "/pages/olark");
    static final String TENFOLD = "Tenfold Dashboard and Application Functionality";

    static final List<ComponentView> COMPONENTS = List.of(
            component("api", "API", TENFOLD, ComponentStatus.DEGRADED_PERFORMANCE, 0),
            component("chat", "Chat", null, ComponentStatus.OPERATIONAL, 1),
            component("dashboard", "Dashboard", TENFOLD, ComponentStatus.MAJOR_OUTAGE, 2),
            component("cdn", "CDN", "Delivery", ComponentStatus.UNDER_MAINTENANCE, 3));

    @Test
    void aGroupIsAComponentPlacedBeforeItsMembersWhichPointAtIt() {
        List<Component> components = mapping(List.of(), List.of()).components();

        String tenfold = StatuspageMapping.groupId("olark", TENFOLD);
        String delivery = StatuspageMapping.groupId("olark", "Delivery");
        assertThat(components).extracting(Component::id)
                .containsExactly(tenfold, "api", "dashboard", "chat", delivery, "cdn");
        assertThat(components).extracting(Component::position).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(components).extracting(Component::group).containsExactly(true, false, false, false, true, false);
        assertThat(components).extracting(Component::groupId)
                .containsExactly(null, tenfold, tenfold, null, null, delivery);
        assertThat(components.get(0).name()).isEqualTo(TENFOLD);
        assertThat(components.get(0).components()).containsExactly("api", "dashboard");
        assertThat(components.get(1).components()).isNull();
    }

    @Test
    void aGroupHasTheStatusOfItsWorstMember() {
        List<Component> components = mapping(List.of(), List.of()).components();

        assertThat(components.get(0).status()).isEqualTo("major_outage");
        assertThat(components.get(4).status()).isEqualTo("under_maintenance");
    }

    @Test
    void aGroupIdIsStableAndDiffersByPageAndName() {
        String id = StatuspageMapping.groupId("olark", TENFOLD);

        assertThat(id).matches("[0-9a-f]{12}").isEqualTo(StatuspageMapping.groupId("olark", TENFOLD));
        assertThat(StatuspageMapping.groupId("other-page", TENFOLD)).isNotEqualTo(id);
        assertThat(StatuspageMapping.groupId("olark", "Delivery")).isNotEqualTo(id);
    }

    @Test
    void aComponentMayHaveTheIdOfAGroup() {
        String tenfold = StatuspageMapping.groupId("olark", TENFOLD);
        List<ComponentView> components = List.of(component("api", "API", TENFOLD, ComponentStatus.OPERATIONAL, 0),
                component(tenfold, "Twin", null, ComponentStatus.MAJOR_OUTAGE, 1));
        IncidentView incident = incident(IncidentStatus.IDENTIFIED, null);
        IncidentView namingTwin = new IncidentView(incident.id(), incident.pageId(), incident.title(),
                incident.status(), incident.impact(), incident.createdAt(), incident.updatedAt(), null, null, 3,
                List.of(component(tenfold, "Twin", null, ComponentStatus.MAJOR_OUTAGE, 1)), incident.updates(), null);

        StatuspageMapping mapping = new StatuspageMapping(PAGE, components, List.of(), List.of(namingTwin), LINKS);

        assertThat(mapping.components()).extracting(Component::id).containsExactly(tenfold, "api", tenfold);
        assertThat(mapping.incident(namingTwin).components()).extracting(Component::name).containsExactly("Twin");
    }

    @Test
    void aComponentCarriesStatuspagesFixedFieldsAndItsStartDateInThePagesZone() {
        Component api = mapping(List.of(), List.of()).components().get(1);

        assertThat(api.pageId()).isEqualTo("olark");
        assertThat(api.description()).isNull();
        assertThat(api.showcase()).isTrue();
        assertThat(api.onlyShowIfDegraded()).isFalse();
        assertThat(api.startDate()).isEqualTo("2024-11-25");
        assertThat(api.createdAt()).isEqualTo("2024-11-25T19:00:00.000-08:00");
    }

    @Test
    void timesAreInThePagesZoneWithTheirOffset() {
        StatuspageMapping mapping = mapping(List.of(), List.of());

        assertThat(mapping.time(OPENED)).isEqualTo("2024-11-25T08:23:00.000-08:00");
        assertThat(mapping.time(Instant.parse("2024-07-04T16:23:00.120Z"))).isEqualTo("2024-07-04T09:23:00.120-07:00");
        assertThat(mapping.time(null)).isNull();
    }

    @Test
    void anIncidentWithAPublishedPostmortemHasTheStatusPostmortem() {
        IncidentView resolved = incident(IncidentStatus.RESOLVED, null);
        IncidentView withPostmortem = incident(IncidentStatus.RESOLVED, new PostmortemView("## What happened", OPENED.plusSeconds(9000)));

        assertThat(mapping(List.of(resolved), List.of()).incident(resolved).status()).isEqualTo("resolved");
        assertThat(mapping(List.of(withPostmortem), List.of()).incident(withPostmortem).status()).isEqualTo("postmortem");
    }

    @Test
    void anIncidentLinksToItsPageAndListsTheComponentsItNamedAsTheyStandNow() {
        IncidentView incident = incident(IncidentStatus.IDENTIFIED, null);

        Incident json = mapping(List.of(), List.of(incident)).incident(incident);

        assertThat(json.name()).isEqualTo("Chat is slow");
        assertThat(json.pageId()).isEqualTo("olark");
        assertThat(json.impact()).isEqualTo("major");
        assertThat(json.shortlink()).isEqualTo("https://status.example.com/pages/olark/incidents/inc-1");
        assertThat(json.createdAt()).isEqualTo("2024-11-25T08:23:00.000-08:00");
        assertThat(json.startedAt()).isEqualTo(json.createdAt());
        assertThat(json.monitoringAt()).isNull();
        assertThat(json.components()).extracting(Component::id, Component::status, Component::groupId)
                .containsExactly(tuple("dashboard", "major_outage",
                        StatuspageMapping.groupId("olark", TENFOLD)));
    }

    @Test
    void anUpdateIsDisplayedWhenItOccurredAndCreatedWhenItWasRecorded() {
        IncidentView incident = incident(IncidentStatus.IDENTIFIED, null);

        List<IncidentUpdate> updates = mapping(List.of(), List.of(incident)).incident(incident).incidentUpdates();

        assertThat(updates).extracting(IncidentUpdate::id).containsExactly("u-2", "u-1");
        IncidentUpdate plainUpdate = updates.get(0);
        assertThat(plainUpdate.incidentId()).isEqualTo("inc-1");
        assertThat(plainUpdate.status()).isEqualTo("identified");
        assertThat(plainUpdate.body()).isEqualTo("Still on it");
        assertThat(plainUpdate.displayAt()).isEqualTo("2024-11-25T08:53:00.000-08:00");
        assertThat(plainUpdate.createdAt()).isEqualTo("2024-11-25T09:30:00.000-08:00");
        assertThat(plainUpdate.updatedAt()).isEqualTo(plainUpdate.createdAt());
    }

    @Test
    void thePageCarriesItsAddressZoneAndLastChangeInItsZone() {
        assertThat(mapping(List.of(), List.of()).page()).satisfies(page -> {
            assertThat(page.url()).isEqualTo("https://status.example.com/pages/olark");
            assertThat(page.timeZone()).isEqualTo("America/Los_Angeles");
            assertThat(page.updatedAt()).isEqualTo("2024-11-25T19:00:00.000-08:00");
        });
    }

    @Test
    void theSummarySerializesWithStatuspagesFieldNames() {
        IncidentView incident = incident(IncidentStatus.IDENTIFIED, null);
        StatuspageMapping mapping = mapping(List.of(incident), List.of(incident));

        JsonNode json = JsonMapper.shared().valueToTree(new Summary(mapping.page(), mapping.status(),
                mapping.components(), mapping.unresolvedIncidents(), List.of()));

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("page", "status", "components", "incidents",
                "scheduled_maintenances");
        assertThat(json.get("page").propertyNames())
                .containsExactlyInAnyOrder("id", "name", "url", "time_zone", "updated_at");
        assertThat(json.get("status").get("indicator").asString()).isEqualTo("critical");
        assertThat(json.get("components").get(1).propertyNames()).containsExactlyInAnyOrder("id", "page_id",
                "group_id", "name", "description", "position", "status", "showcase", "only_show_if_degraded",
                "start_date", "group", "created_at", "updated_at");
        assertThat(json.get("components").get(0).get("components")).hasSize(2);
        assertThat(json.get("components").get(0).get("group").asBoolean()).isTrue();
        assertThat(json.get("incidents").get(0).propertyNames()).containsExactlyInAnyOrder("id", "page_id", "name",
                "status", "impact", "created_at", "updated_at", "monitoring_at", "resolved_at", "started_at",
                "shortlink", "incident_updates", "components");
        assertThat(json.get("incidents").get(0).get("incident_updates").get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "incident_id", "status", "body", "display_at", "created_at",
                        "updated_at", "affected_components");
    }

    static StatuspageMapping mapping(List<IncidentView> recent, List<IncidentView> unresolved) {
        return new StatuspageMapping(PAGE, COMPONENTS, recent, unresolved, LINKS);
    }

    static ComponentView component(String id, String name, String group, ComponentStatus status, int position) {
        return new ComponentView(id, name, group, status, position, CREATED, CREATED);
    }

    /** Opened as investigating, then a plain update (the incident identified meanwhile, say). */
    static IncidentView incident(IncidentStatus status, PostmortemView postmortem) {
        Instant updated = Instant.parse("2024-11-26T16:00:00Z");
        return new IncidentView("inc-1", "olark", "Chat is slow", status, Impact.MAJOR, OPENED, updated, null, null, 3,
                List.of(new ComponentView("dashboard", "Dashboard", TENFOLD, ComponentStatus.PARTIAL_OUTAGE, 2, CREATED, CREATED)),
                List.of(new UpdateView("u-2", IncidentStatus.IDENTIFIED, "Update", "Still on it", OPENED.plusSeconds(1800),
                                Instant.parse("2024-11-25T17:30:00Z")),
                        new UpdateView("u-1", IncidentStatus.INVESTIGATING, "Investigating", "Looking into it", OPENED, OPENED)),
                postmortem);
    }
}
