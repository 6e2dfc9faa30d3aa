package io.sitrep.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.query.html.OlarkExample;
import io.sitrep.query.html.VisibleText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Olark incident report of the contract's examples, replayed through the write API with its
 * own times as occurredAt, reads on Sitrep's incident page exactly as it did on Statuspage.
 */
class OlarkReportTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("'Posted' MMM d, yyyy - HH:mm zzz",
            Locale.US).withZone(PACIFIC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSitrep sitrep = sitrep();

    /** The system under test: the embedded one here. */
    RunningSitrep sitrep() {
        return RunningSitrep.get();
    }

    /** An entry of the report: its label, its text and when it was posted. */
    private record Entry(String label, String text, Instant postedAt) {
    }

    @Test
    void theIncidentPageReadsLikeTheOriginalReport() {
        List<String> report = OlarkExample.lines();
        int postmortemEnd = indexOfFirstPostedLine(report);
        Entry postmortem = new Entry("Postmortem", String.join("\n\n", report.subList(3, postmortemEnd)),
                posted(report.get(postmortemEnd)));
        List<Entry> updatesNewestFirst = new ArrayList<>();
        for (int i = postmortemEnd + 1; i + 2 < report.size(); i += 3) {
            updatesNewestFirst.add(new Entry(report.get(i), report.get(i + 1), posted(report.get(i + 2))));
        }
        List<Entry> updates = new ArrayList<>(updatesNewestFirst);
        Collections.reverse(updates);

        sitrep.write("PUT", "/api/v1/pages/olark", "{\"name\":\"Olark Live Chat\",\"timeZone\":\"America/Los_Angeles\"}")
                .expect(201);
        Entry opening = updates.get(0);
        assertThat(opening.label()).isEqualTo("Investigating");
        String incident = sitrep.write("POST", "/api/v1/pages/olark/incidents", JSON.writeValueAsString(Map.of(
                        "title", report.get(0), "impact", "major", "status", "investigating",
                        "message", opening.text(), "occurredAt", opening.postedAt().toString())))
                .expect(201).json().get("incidentId").asString();
        long version = 1;
        for (Entry entry : updates.subList(1, updates.size())) {
            String call = switch (entry.label()) {
                case "Update" -> "updates";
                case "Monitoring" -> "monitoring";
                case "Resolved" -> "resolve";
                default -> throw new IllegalStateException("unexpected label " + entry.label());
            };
            version = sitrep.write("POST", "/api/v1/incidents/" + incident + "/" + call,
                            JSON.writeValueAsString(Map.of("message", entry.text(),
                                    "occurredAt", entry.postedAt().toString())))
                    .expect(200).json().get("version").asLong();
        }
        version = sitrep.write("POST", "/api/v1/incidents/" + incident + "/postmortem",
                        JSON.writeValueAsString(Map.of("body", postmortem.text(),
                                "occurredAt", postmortem.postedAt().toString())))
                .expect(200).json().get("version").asLong();
        sitrep.read("/api/v1/incidents/" + incident + "?minVersion=" + version).expect(200);

        Document page = Jsoup.parse(sitrep.read("/pages/olark/incidents/" + incident).expect(200).body());

        assertThat(VisibleText.lines(page.selectFirst("main"))).containsExactlyElementsOf(report);
    }

    private static int indexOfFirstPostedLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Posted ")) {
                return i;
            }
        }
        throw new IllegalStateException("the report has no Posted line");
    }

    private static Instant posted(String line) {
        return ZonedDateTime.parse(line, POSTED).toInstant();
    }
}
