package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What goes in through the write API comes out of the read API, through the event store and Kafka. */
class ReadYourWritesTest {

    /** The system under test: the embedded one here. */
    RunningSitrep sitrep() {
        return RunningSitrep.get();
    }

    @Test
    void anIncidentWrittenIsReadBackAtTheVersionTheWriteAnswered() {
        RunningSitrep sitrep = sitrep();
        sitrep.write("PUT", "/api/v1/pages/e2e-shop", "{\"name\":\"Shop\",\"timeZone\":\"Europe/Berlin\"}").expect(201);
        sitrep.write("PUT", "/api/v1/pages/e2e-shop/components/checkout", "{\"name\":\"Checkout\",\"group\":\"Store\"}")
                .expect(201);
        JsonNode opened = sitrep.write("POST", "/api/v1/pages/e2e-shop/incidents", """
                {"title":"Checkout fails","impact":"major","message":"Payments are failing.",
                 "components":{"checkout":"major_outage"}}""").expect(201).json();
        String incident = opened.get("incidentId").asString();

        JsonNode read = sitrep.read("/api/v1/incidents/" + incident + "?minVersion=1").expect(200).json();
        assertThat(read.get("title").asString()).isEqualTo("Checkout fails");
        assertThat(read.get("components").get(0).get("status").asString()).isEqualTo("major_outage");

        long version = sitrep.write("POST", "/api/v1/incidents/" + incident + "/updates",
                "{\"message\":\"Fixed the card processor.\",\"status\":\"identified\"}").expect(200)
                .json().get("version").asLong();
        read = sitrep.read("/api/v1/incidents/" + incident + "?minVersion=" + version).expect(200).json();
        assertThat(read.get("status").asString()).isEqualTo("identified");
        assertThat(read.get("updates").get(0).get("message").asString()).isEqualTo("Fixed the card processor.");

        JsonNode summary = sitrep.read("/api/v1/pages/e2e-shop/summary").expect(200).json();
        assertThat(summary.get("status").get("indicator").asString()).isEqualTo("critical");
        assertThat(summary.get("incidents").get(0).get("id").asString()).isEqualTo(incident);

        version = sitrep.write("POST", "/api/v1/incidents/" + incident + "/resolve", "{\"message\":\"All good.\"}")
                .expect(200).json().get("version").asLong();
        sitrep.read("/api/v1/incidents/" + incident + "?minVersion=" + version).expect(200);
        summary = sitrep.read("/api/v1/pages/e2e-shop/summary").expect(200).json();
        assertThat(summary.get("status").get("description").asString()).isEqualTo("All Systems Operational");
        assertThat(summary.get("incidents")).isEmpty();
    }
}
