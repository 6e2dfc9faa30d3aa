package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The success path of every incident call, carrying the ETag from one call into the next. */
class IncidentApiTest extends ApiTestSupport {

    @Test
    void anIncidentGoesThroughItsWholeLifecycle() {
        String pageId = newPage();

        HttpApi.Answer opened = expect(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"Incident Alerted","impact":"major","message":"We've detected an issue.",
                 "status":"investigating","components":{"chat":"partial_outage"},
                 "occurredAt":"2024-11-25T16:23:00Z"}"""), 201);
        String incidentId = opened.json().get("incidentId").asString();
        assertThat(incidentId).matches("inc_[a-z2-7]{16}");
        assertThat(opened.header("Location")).contains("/api/v1/incidents/" + incidentId);
        assertThat(opened.header("ETag")).contains("\"1\"");
        assertThat(opened.json().get("version").asLong()).isEqualTo(1);

        HttpApi.Answer updated = expect(api.post("/api/v1/incidents/" + incidentId + "/updates", """
                {"message":"We're investigating.","occurredAt":"2024-11-25T16:31:00Z"}""",
                "If-Match", opened.header("ETag").orElseThrow()), 200);
        assertThat(updated.header("ETag")).contains("\"2\"");
        assertThat(updated.json().toString()).isEqualTo("{\"incidentId\":\"" + incidentId + "\",\"version\":2}");

        HttpApi.Answer identified = expect(api.post("/api/v1/incidents/" + incidentId + "/updates", """
                {"message":"Found it.","status":"identified","components":{"api":"degraded_performance"}}""",
                "If-Match", updated.header("ETag").orElseThrow()), 200);
        HttpApi.Answer monitoring = expect(api.post("/api/v1/incidents/" + incidentId + "/monitoring", """
                {"message":"A fix is in place."}""", "If-Match", identified.header("ETag").orElseThrow()), 200);
        HttpApi.Answer resolved = expect(api.post("/api/v1/incidents/" + incidentId + "/resolve", """
                {"message":"Resolved."}""", "If-Match", monitoring.header("ETag").orElseThrow()), 200);
        HttpApi.Answer postmortem = expect(api.post("/api/v1/incidents/" + incidentId + "/postmortem", """
                {"body":"## What happened\\n\\nA queue node dropped off."}""",
                "If-Match", resolved.header("ETag").orElseThrow()), 200);
        HttpApi.Answer revised = expect(api.post("/api/v1/incidents/" + incidentId + "/postmortem", """
                {"body":"## What happened\\n\\nA queue node dropped off the cluster."}"""), 200);

        assertThat(postmortem.json().get("version").asLong()).isEqualTo(6);
        assertThat(revised.header("ETag")).contains("\"7\"");
        assertThat(sequenceNumbers(incidentId)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void eventsAreStoredAsJsonThatSqlCanRead() {
        String pageId = newPage();
        String incidentId = openIncident(pageId);
        expect(api.post("/api/v1/incidents/" + incidentId + "/resolve", """
                {"message":"Fixed."}"""), 200);

        var rows = jdbc.sql("""
                        select payload_type, convert_from(payload, 'UTF8')::jsonb as data
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""")
                .param(incidentId)
                .query((rs, row) -> rs.getString("payload_type") + " " + rs.getString("data"))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("io.sitrep.events.IncidentEvent$IncidentOpened")
                .contains("\"title\": \"Chat is slow\"", "\"pageId\": \"" + pageId + "\"");
        // Resolving puts every component the incident named back to operational.
        assertThat(rows.get(1)).contains("\"components\": {\"chat\": \"operational\"}");
    }

    @Test
    void anIncidentOpensInvestigatingWhenNoStatusIsGiven() {
        String pageId = newPage();
        String incidentId = openIncident(pageId);
        String status = jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'status' from domain_event_entry "
                + "where aggregate_identifier = ?").param(incidentId).query(String.class).single();
        assertThat(status).isEqualTo("investigating");
    }
}
