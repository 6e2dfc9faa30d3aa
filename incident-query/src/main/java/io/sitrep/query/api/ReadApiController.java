package io.sitrep.query.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sitrep.events.ComponentStatus;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.display.PageStatus;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.IncidentList;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.PastViews;
import io.sitrep.query.readmodel.PastViews.Moment;
import io.sitrep.query.readmodel.PostmortemView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.readmodel.ReadModel.Filter;
import io.sitrep.query.readmodel.UpdateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The JSON read API: a page's summary, its incidents, one incident. Public, no key needed. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Read API")
class ReadApiController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final Duration MIN_VERSION_WAIT = Duration.ofSeconds(5);

    record PageJson(String id, String name, String timeZone) {
    }

    record ComponentJson(String id, String name, String group, ComponentStatus status) {

        static List<ComponentJson> of(List<ComponentView> components) {
            return components.stream().map(c -> new ComponentJson(c.id(), c.name(), c.group(), c.status())).toList();
        }
    }

    record IncidentJson(String id, String pageId, String title, IncidentStatus status, Impact impact, Instant createdAt,
                        Instant updatedAt, Instant monitoringAt, Instant resolvedAt, long version,
                        List<ComponentJson> components, List<UpdateView> updates, PostmortemView postmortem) {

        static IncidentJson of(IncidentView i) {
            return new IncidentJson(i.id(), i.pageId(), i.title(), i.status(), i.impact(), i.createdAt(),
                    i.updatedAt(), i.monitoringAt(), i.resolvedAt(), i.version(), ComponentJson.of(i.components()),
                    i.updates(), i.postmortem());
        }
    }

    record SummaryJson(PageJson page, PageStatus status, List<ComponentJson> components, List<IncidentJson> incidents) {
    }

    record IncidentListJson(List<IncidentJson> items, String nextCursor) {
    }

    private static final String PAST = "asOf=<instant>: the page as it stood then by when things happened "
            + "(occurredAt), backdated entries included, with today's page and components. knownAt=<instant>: what the "
            + "page showed then, from what had been recorded by then (404 before it was recorded). One of them at "
            + "most.";

    private final ReadModel readModel;
    private final PastViews past;
    private final MeterRegistry meters;

    ReadApiController(ReadModel readModel, PastViews past, MeterRegistry meters) {
        this.readModel = readModel;
        this.past = past;
        this.meters = meters;
    }

    @GetMapping("/pages/{pageId}/summary")
    @Operation(summary = "A page's overall status, its components and its unresolved incidents", description = PAST)
    SummaryJson summary(@PathVariable String pageId, @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String knownAt) {
        PageView page = readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        Optional<Moment> moment = Moment.of(asOf, knownAt);
        moment.ifPresent(at -> PastViews.requireRecorded(page, at));
        List<ComponentView> components = moment.map(at -> past.components(pageId, at))
                .orElseGet(() -> readModel.components(pageId));
        List<IncidentView> unresolved = moment.map(at -> past.unresolved(pageId, at))
                .orElseGet(() -> readModel.unresolved(pageId));
        return new SummaryJson(new PageJson(page.id(), page.name(), page.timeZone()),
                PageStatus.of(unresolved, components), ComponentJson.of(components),
                unresolved.stream().map(IncidentJson::of).toList());
    }

    @GetMapping("/pages/{pageId}/incidents")
    @Operation(summary = "A page's incidents, newest first, a page at a time",
            description = "Pass the answer's nextCursor as cursor for the next page; it is null on the last.")
    IncidentListJson incidents(@PathVariable String pageId,
                               @Parameter(description = "unresolved, resolved or all")
                               @RequestParam(defaultValue = "all") String status,
                               @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int limit,
                               @RequestParam(required = false) String cursor) {
        Filter filter;
        try {
            filter = Filter.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("status", "must be unresolved, resolved or all");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (readModel.page(pageId).isEmpty()) {
            throw NotFound.page(pageId);
        }
        IncidentList list = readModel.list(pageId, filter, limit, cursor);
        return new IncidentListJson(list.items().stream().map(IncidentJson::of).toList(), list.nextCursor());
    }

    @GetMapping("/incidents/{incidentId}")
    @Operation(summary = "One incident, its entries newest first",
            description = "minVersion waits up to 5 s until the read model has applied that version, so that a "
                    + "client reads its own write (the version of a write API answer); past that, 503. " + PAST
                    + " In the past, version is that of the latest entry shown.")
    IncidentJson incident(@PathVariable String incidentId, @RequestParam(required = false) Long minVersion,
                          @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt)
            throws InterruptedException {
        Optional<Moment> moment = Moment.of(asOf, knownAt);
        if (minVersion != null) {
            awaitVersion(incidentId, minVersion);
        }
        return moment.map(at -> past.incident(incidentId, at)).orElseGet(() -> readModel.incident(incidentId))
                .map(IncidentJson::of)
                .orElseThrow(() -> NotFound.incident(incidentId));
    }

    /**
     * Waits until the read model has applied the version, timed as {@code sitrep.read.min.version}
     * by outcome: {@code applied}, or {@code timeout} (a 503).
     */
    private Timer minVersionWaits(String outcome) {
        return Timer.builder("sitrep.read.min.version").tag("outcome", outcome)
                .description("Reads with minVersion, timed while they wait for the read model to apply it")
                .register(meters);
    }

    private void awaitVersion(String incidentId, long minVersion) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + MIN_VERSION_WAIT.toNanos();
        while (true) {
            Optional<Long> applied = readModel.incidentVersion(incidentId);
            if (applied.isPresent() && applied.get() >= minVersion) {
                minVersionWaits("applied").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return;
            }
            if (System.nanoTime() > deadline) {
                minVersionWaits("timeout").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                throw new NotYetApplied("the read model has not applied version " + minVersion + " of incident "
                        + incidentId + " yet" + applied.map(v -> " (it is at " + v + ")").orElse(""));
            }
            Thread.sleep(50);
        }
    }
}
