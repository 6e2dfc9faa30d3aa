package io.sitrep.query.api;

import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.uptime.Uptime;
import io.sitrep.query.uptime.UptimeDays;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A component's uptime day by day, as the status page's bars show it. Public, like the pages. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Read API")
class UptimeController {

    static final int MAX_DAYS = 366;

    record UptimeJson(List<UptimeDays.Day> days) {
    }

    private final ReadModel readModel;
    private final Uptime uptime;
    private final Clock clock;

    UptimeController(ReadModel readModel, Uptime uptime, ObjectProvider<Clock> clock) {
        this.readModel = readModel;
        this.uptime = uptime;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/pages/{pageId}/components/{componentId}/uptime")
    @Operation(summary = "A component's uptime, day by day",
            description = "The last `days` days in the page's time zone, oldest first, ending today. A day's "
                    + "downtime is its seconds in major outage plus its seconds in partial outage weighted by "
                    + "sitrep.uptime.partial-outage-weight (0.3 unless configured); uptimePercent is the rest, as a "
                    + "percentage of the day (of the part that has passed, for today; a day where the clocks change "
                    + "has 23 or 25 hours). uptimePercent is null for days before the component's first day of "
                    + "data: its creation or its earliest incident entry, whichever is earlier. incidentIds are "
                    + "the incidents that named the component and were open at some time that day.")
    UptimeJson uptime(@PathVariable String pageId, @PathVariable String componentId,
                      @Parameter(description = "1 to 366") @RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new BadRequest("days", "must be 1 to " + MAX_DAYS + ", not " + days);
        }
        PageView page = readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        return new UptimeJson(uptime.window(page, componentId, days, clock.instant()).map(Uptime.Window::days)
                .orElseThrow(() -> new NotFound(
                "component " + componentId + " does not exist on page " + pageId)));
    }
}
