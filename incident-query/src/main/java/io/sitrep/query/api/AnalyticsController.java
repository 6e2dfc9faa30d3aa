package io.sitrep.query.api;

import io.sitrep.query.access.ApiKeyAccess;
import io.sitrep.query.analytics.Analytics;
import io.sitrep.query.analytics.PageAnalytics;
import io.sitrep.query.readmodel.InvalidParameter;
import io.sitrep.support.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
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
    private final Analytics analytics;
    private final Clock clock;

    AnalyticsController(ApiKeyAccess access, Analytics analytics, ObjectProvider<Clock> clock) {
        this.access = access;
        this.analytics = analytics;
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
                    + "component had no data in the period. timeZone is the page's; incidentsPerWeek counts the "
                    + "incidents opened in each week of the period (Monday to Sunday in the page's zone; the first and "
                    + "last cut by the period) by impact; timeToResolvePerMonth gives, for each month of the period in "
                    + "the page's zone, the time to resolve of the incidents opened in it and resolved.")
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
        return Analytics.csvDownload(pageId, analyticsOf(pageId, from, to, authorization));
    }

    private PageAnalytics analyticsOf(String pageId, String from, String to, String authorization) {
        access.require(authorization, Scope.ANALYTICS_READ);
        Instant now = clock.instant();
        Instant end = to == null ? now : InvalidParameter.instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : InvalidParameter.instant("from", from);
        if (!start.isBefore(end)) {
            throw new BadRequest("to", "must be later than from");
        }
        return analytics.of(pageId, start, end, now);
    }
}
