package io.sitrep.query.statuspage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sitrep.query.display.PageStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Atlassian Statuspage's public v2 JSON, field for field, so that its clients and widgets read
 * Sitrep. Times are strings already formatted in the page's zone, as Statuspage sends them. The
 * snake_case names are spelled out with {@code @JsonProperty}, which both Jackson 3 (HTTP) and the
 * OpenAPI document's model reader see; the schema names keep these apart from the read API's.
 */
final class StatuspageJson {

    private StatuspageJson() {
    }

    @Schema(name = "StatuspagePage")
    record Page(String id, String name, String url, @JsonProperty("time_zone") String timeZone,
                @JsonProperty("updated_at") String updatedAt) {
    }

    /**
     * A component, or a group of them: a group has {@code group} true and lists its members' ids in
     * {@code components}, which other components leave out; members name their group in {@code group_id}.
     */
    @Schema(name = "StatuspageComponent")
    record Component(String id, @JsonProperty("page_id") String pageId, @JsonProperty("group_id") String groupId,
                     String name, String description, int position, String status, boolean showcase,
                     @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded,
                     @JsonProperty("start_date") String startDate, boolean group,
                     @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
    }

    /**
     * An entry of an incident. {@code affected_components} is null, as Statuspage sends it for an
     * entry that records no component change: the read model keeps component statuses per incident,
     * not per entry.
     */
    @Schema(name = "StatuspageIncidentUpdate")
    record IncidentUpdate(String id, @JsonProperty("incident_id") String incidentId, String status, String body,
                          @JsonProperty("display_at") String displayAt, @JsonProperty("created_at") String createdAt,
                          @JsonProperty("updated_at") String updatedAt,
                          @JsonProperty("affected_components") List<Object> affectedComponents) {
    }

    @Schema(name = "StatuspageIncident")
    record Incident(String id, @JsonProperty("page_id") String pageId, String name, String status, String impact,
                    @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
                    @JsonProperty("monitoring_at") String monitoringAt, @JsonProperty("resolved_at") String resolvedAt,
                    @JsonProperty("started_at") String startedAt, String shortlink,
                    @JsonProperty("incident_updates") List<IncidentUpdate> incidentUpdates,
                    List<Component> components) {
    }

    @Schema(name = "StatuspageSummary")
    record Summary(Page page, PageStatus status, List<Component> components, List<Incident> incidents,
                   @JsonProperty("scheduled_maintenances") List<Object> scheduledMaintenances) {
    }

    @Schema(name = "StatuspageStatus")
    record Status(Page page, PageStatus status) {
    }

    @Schema(name = "StatuspageComponents")
    record Components(Page page, List<Component> components) {
    }

    @Schema(name = "StatuspageIncidents")
    record Incidents(Page page, List<Incident> incidents) {
    }

    /** Sitrep has no scheduled maintenance yet: the list is always empty. */
    @Schema(name = "StatuspageScheduledMaintenances")
    record ScheduledMaintenances(Page page,
                                 @JsonProperty("scheduled_maintenances") List<Object> scheduledMaintenances) {
    }
}
