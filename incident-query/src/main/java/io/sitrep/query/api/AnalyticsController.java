package io.sitrep.query.api;

import io.sitrep.query.access.ApiKeyAccess;
import io.sitrep.query.analytics.AnalyticsReader;
import io.sitrep.query.analytics.PageAnalytics;
import io.sitrep.query.analytics.PageAnalytics.ComponentFigures;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.InvalidParameter;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.uptime.Uptime;
import io.sitrep.support.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A page's incident analytics, for the people who run incidents: needs a key with analytics:read. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Analytics")
class AnalyticsController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final ApiKeyAccess access;
    private final ReadModel readModel;
    private final AnalyticsReader incidents;
    private final Uptime uptime;
    private final Clock clock;

    AnalyticsController(ApiKeyAccess access, ReadModel readModel, AnalyticsReader incidents, Uptime uptime,
                        ObjectProvider<Clock> clock) {
        this.access = access;
        this.readModel = readModel;
        this.incidents = incidents;
        this.uptime = uptime;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/pages/{pageId}/analytics")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "A page's incident analytics over a period (scope analytics:read)",
            description = "Covers the incidents opened (by occurredAt) in [from, to); without from and to, the last "
                    + "90 days. Every time is when things happened (occurredAt), backdated entries included. "
                    + "byImpact and byComponent count them. Each duration is {count, mean, p50, p90, max} in "
                    + "seconds, percentiles by nearest rank. timeToIdentify runs from open to the first entry that "
                    + "left the incident identified, monitoring or resolved; timeToMonitoring to the first that left "
                    + "it monitoring; timeToResolve from open to resolve; timeToPostmortem from resolve to the first "
                    + "postmortem. timeInStatus: from the entry that set a status to the next entry (to now for an "
                    + "unresolved incident's last), summed per incident, over the incidents that had the status. "
                    + "components: each component's seconds in major and partial outage over the period and its "
                    + "uptime, partial outage weighted as in the uptime call; uptimePercent is null when the "
                    + "component had no data in the period.")
    PageAnalytics analytics(@PathVariable String pageId,
                            @Parameter(description = "an ISO-8601 instant; default: 90 days before to")
                            @RequestParam(required = false) String from,
                            @Parameter(description = "an ISO-8601 instant; default: now")
                            @RequestParam(required = false) String to,
                            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                            String authorization) {
        return analyticsOf(pageId, from, to, authorization);
    }

    @GetMapping(path = "/pages/{pageId}/analytics.csv", produces = "text/csv")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "The same analytics as CSV, for a spreadsheet (scope analytics:read)",
            description = "One row per figure: metric, dimension (an impact, a component or a status; empty where "
                    + "there is none), statistic, value (empty where the JSON has null), under a header row.")
    ResponseEntity<String> analyticsCsv(@PathVariable String pageId,
                                        @Parameter(description = "an ISO-8601 instant; default: 90 days before to")
                                        @RequestParam(required = false) String from,
                                        @Parameter(description = "an ISO-8601 instant; default: now")
                                        @RequestParam(required = false) String to,
                                        @Parameter(hidden = true)
                                        @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                        String authorization) {
        PageAnalytics analytics = analyticsOf(pageId, from, to, authorization);
        StringBuilder csv = new StringBuilder("metric,dimension,statistic,value\r\n");
        analytics.rows().forEach(row -> csv.append(String.join(",", row.stream().map(AnalyticsController::field)
                .toList())).append("\r\n"));
        String file = pageId + "-analytics-" + analytics.from().toString().substring(0, 10) + "-to-"
                + analytics.to().toString().substring(0, 10) + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    private PageAnalytics analyticsOf(String pageId, String from, String to, String authorization) {
        access.require(authorization, Scope.ANALYTICS_READ);
        Instant now = clock.instant();
        Instant end = to == null ? now : InvalidParameter.instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : InvalidParameter.instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequest("to", "must be later than from");
        }
        readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        List<ComponentFigures> components = readModel.components(pageId).stream()
                .map(component -> figures(pageId, component, start, end, now)).toList();
        return PageAnalytics.of(start, end, now, incidents.openedIn(pageId, start, end), components);
    }

    /** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
    private static String field(String value) {
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private ComponentFigures figures(String pageId, ComponentView component, Instant start, Instant end, Instant now) {
        return uptime.over(pageId, component.id(), start, end, now)
                .map(figures -> new ComponentFigures(component.id(), figures.majorOutageSeconds(),
                        figures.partialOutageSeconds(), figures.uptimePercent()))
                .orElse(new ComponentFigures(component.id(), 0, 0, null));
    }
}
