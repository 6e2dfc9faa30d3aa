package io.sitrep.query.html;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentEvent;
import io.sitrep.events.IncidentEvent.IncidentOpened;
import io.sitrep.events.IncidentEvent.IncidentResolved;
import io.sitrep.events.IncidentEvent.MonitoringStarted;
import io.sitrep.events.IncidentEvent.PostmortemPublished;
import io.sitrep.events.IncidentEvent.UpdatePosted;
import io.sitrep.events.IncidentStatus;
import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import io.sitrep.events.SitrepEvent;
import io.sitrep.query.QueryTestSupport;
import io.sitrep.query.readmodel.Projector;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The pages the HTML tests read, put in through the projector with fresh ids:
 * <ul>
 *   <li>{@code olark}: the incident of {@code examples/olark-incident-report.txt}, entry by entry;</li>
 *   <li>{@code acme}: a status page as it stands now, with groups, an open incident whose title
 *       holds a script tag, and resolved ones in the last days;</li>
 *   <li>{@code busy}: 30 incidents over several months, for the history's paging.</li>
 * </ul>
 * The acme and busy pages have host names of their own (custom domains).
 */
final class WebFixture {

    static final String OLARK_TITLE = "Incident Alerted";
    static final String SCRIPT_TITLE = "Elevated errors <script>alert(1)</script>";
    static final String ACME_ZONE = "Europe/Berlin";

    final String olarkPage = id("olark");
    final String olarkIncident = UUID.randomUUID().toString();
    final String acmePage = id("acme");
    final String openIncident = UUID.randomUUID().toString();
    final String exportsIncident = UUID.randomUUID().toString();
    final String oldIncident = UUID.randomUUID().toString();
    final String busyPage = id("busy");
    /** The acme and busy pages' own host names: Chromium resolves every *.localhost to 127.0.0.1. */
    final String acmeHostname = acmePage + ".localhost";
    final String busyHostname = busyPage + ".localhost";
    /** When the acme page's open incident began and got its last update. */
    final Instant now = QueryTestSupport.NOW;
    final Instant openedAt = now.minus(Duration.ofHours(2));
    final Instant identifiedAt = now.minus(Duration.ofMinutes(50));
    /** Three days ago at 10:00 on the page's clock: its 45 minutes never run into the next day. */
    final Instant exportsAt = LocalDate.ofInstant(now, ZoneId.of(ACME_ZONE)).minusDays(3).atTime(10, 0)
            .atZone(ZoneId.of(ACME_ZONE)).toInstant();

    private final Projector projector;
    private final Map<String, Long> versions = new HashMap<>();

    private WebFixture(Projector projector) {
        this.projector = projector;
    }

    static WebFixture seed(Projector projector) {
        WebFixture fixture = new WebFixture(projector);
        fixture.olark();
        fixture.acme();
        fixture.busy();
        return fixture;
    }

    private void olark() {
        Instant recorded = Instant.parse("2024-11-25T16:00:00Z");
        apply(recorded, new PageDefined(olarkPage, "Olark Live Chat", "America/Los_Angeles", null));
        String title = OLARK_TITLE;
        Impact impact = Impact.MAJOR;
        apply(Instant.parse("2024-11-25T16:23:00Z"), new IncidentOpened(olarkIncident, olarkPage, uuid(), title,
                impact, IncidentStatus.INVESTIGATING,
                "We've detected an issue and are working to resolve this quickly. We'll have an update within the hour.",
                Map.of(), Instant.parse("2024-11-25T16:23:00Z")));
        apply(Instant.parse("2024-11-25T16:31:00Z"), new UpdatePosted(olarkIncident, olarkPage, uuid(), title, impact,
                null, IncidentStatus.INVESTIGATING,
                "We're investigating issues with agent being set to away unexpectedly and receiving messages when "
                        + "set to away. We'll update here as soon as we know more.",
                Map.of(), Instant.parse("2024-11-25T16:31:00Z")));
        apply(Instant.parse("2024-11-25T17:31:00Z"), new UpdatePosted(olarkIncident, olarkPage, uuid(), title, impact,
                null, IncidentStatus.INVESTIGATING,
                "We're continuing to investigate issues with agent presence and message delivery when agents are "
                        + "set to away. We'll update here as soon as we have more information.",
                Map.of(), Instant.parse("2024-11-25T17:31:00Z")));
        apply(Instant.parse("2024-11-25T17:57:00Z"), new MonitoringStarted(olarkIncident, olarkPage, uuid(), title,
                impact, "We've implemented a fix for the issue with agent presence and chats being assigned when "
                        + "agents were set to away. Systems have recovered and agents should be free to log in and use "
                        + "the service as normal. We'll continue to monitor closely and update here if there are "
                        + "changes.",
                Map.of(), Instant.parse("2024-11-25T17:57:00Z")));
        apply(Instant.parse("2024-11-25T19:43:00Z"), new IncidentResolved(olarkIncident, olarkPage, uuid(), title,
                impact, "This incident has been resolved. We're working on a full investigation of the issue and "
                        + "causes and will publish a post-incident writeup here once complete.",
                Map.of(), Instant.parse("2024-11-25T19:43:00Z")));
        apply(Instant.parse("2024-11-26T21:40:00Z"), new PostmortemPublished(olarkIncident, olarkPage, title, impact,
                OlarkExample.postmortemMarkdown(), Instant.parse("2024-11-26T21:40:00Z")));
    }

    private void acme() {
        Instant created = now.minus(Duration.ofDays(60));
        apply(created, new PageDefined(acmePage, "Acme Cloud", ACME_ZONE, acmeHostname));
        int position = 0;
        apply(created, new ComponentDefined(acmePage, "widget", "Widget", "Chat", position++));
        apply(created, new ComponentDefined(acmePage, "dashboard", "Dashboard", "Chat", position++));
        apply(created, new ComponentDefined(acmePage, "api", "API", "Chat", position++));
        apply(created, new ComponentDefined(acmePage, "billing", "Billing", null, position++));
        apply(created, new ComponentDefined(acmePage, "exports", "Exports", "Data", position));

        Instant oldAt = now.minus(Duration.ofDays(40));
        apply(oldAt, new IncidentOpened(oldIncident, acmePage, uuid(), "Billing delays", Impact.MINOR,
                IncidentStatus.IDENTIFIED, "Invoices are sent late.", components("billing",
                ComponentStatus.DEGRADED_PERFORMANCE), oldAt));
        apply(oldAt, new IncidentResolved(oldIncident, acmePage, uuid(), "Billing delays", Impact.MINOR,
                "Invoices are on time again.", components("billing", ComponentStatus.OPERATIONAL),
                oldAt.plus(Duration.ofHours(1))));

        apply(exportsAt, new IncidentOpened(exportsIncident, acmePage, uuid(), "Delayed exports", Impact.MINOR,
                IncidentStatus.INVESTIGATING, "Exports are running late.", components("exports",
                ComponentStatus.DEGRADED_PERFORMANCE), exportsAt));
        apply(exportsAt, new IncidentResolved(exportsIncident, acmePage, uuid(), "Delayed exports", Impact.MINOR,
                "Exports have caught up.", components("exports", ComponentStatus.OPERATIONAL),
                exportsAt.plus(Duration.ofMinutes(45))));

        apply(openedAt, new IncidentOpened(openIncident, acmePage, uuid(), SCRIPT_TITLE, Impact.MAJOR,
                IncidentStatus.INVESTIGATING, "We are looking into errors in the widget.",
                components("widget", ComponentStatus.PARTIAL_OUTAGE, "api", ComponentStatus.DEGRADED_PERFORMANCE),
                openedAt));
        apply(identifiedAt, new UpdatePosted(openIncident, acmePage, uuid(), SCRIPT_TITLE, Impact.MAJOR,
                IncidentStatus.IDENTIFIED, IncidentStatus.IDENTIFIED,
                "We found the cause & are fixing it <b>now</b>.", Map.of(), identifiedAt));
    }

    private void busy() {
        Instant created = Instant.parse("2023-12-01T00:00:00Z");
        apply(created, new PageDefined(busyPage, "Busy Service", "UTC", busyHostname));
        // 30 incidents, one every five days from Jan 1, 2024: January to May.
        for (int i = 0; i < 30; i++) {
            String incident = UUID.randomUUID().toString();
            Instant at = Instant.parse("2024-01-01T10:00:00Z").plus(Duration.ofDays(5L * i));
            apply(at, new IncidentOpened(incident, busyPage, uuid(), "Incident " + (i + 1), Impact.MINOR,
                    IncidentStatus.INVESTIGATING, "Something is off.", Map.of(), at));
            apply(at, new IncidentResolved(incident, busyPage, uuid(), "Incident " + (i + 1), Impact.MINOR,
                    "All good again.", Map.of(), at.plus(Duration.ofMinutes(30))));
        }
    }

    private void apply(Instant recordedAt, SitrepEvent event) {
        String aggregate = event instanceof IncidentEvent incident ? incident.incidentId() : event.pageId();
        long version = versions.merge(aggregate, 1L, Long::sum);
        projector.apply(CloudEventCodec.envelope(event, UUID.randomUUID().toString(), recordedAt, version));
    }

    private static Map<String, ComponentStatus> components(Object... idsAndStatuses) {
        Map<String, ComponentStatus> components = new LinkedHashMap<>();
        for (int i = 0; i < idsAndStatuses.length; i += 2) {
            components.put((String) idsAndStatuses[i], (ComponentStatus) idsAndStatuses[i + 1]);
        }
        return components;
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
