package io.sitrep.query.html;

import io.sitrep.query.access.ApiKeyAccess;
import io.sitrep.query.analytics.Analytics;
import io.sitrep.query.analytics.PageAnalytics;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.support.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics dashboard of a page, for the people who run its incidents: charts drawn on the
 * server, a period to pick, and the figures as CSV. It needs an API key with analytics:read, which
 * the browser asks for (HTTP Basic, the key as the password; see {@link StatusPageAdvice}).
 */
@Controller
@Hidden
@RequestMapping(path = "/pages/{pageId}")
class AnalyticsDashboardController {

    private final ApiKeyAccess access;
    private final Analytics analytics;
    private final ReadModel readModel;
    private final StatusPages pages;
    private final Clock clock;

    AnalyticsDashboardController(ApiKeyAccess access, Analytics analytics, ReadModel readModel, StatusPages pages,
                                 ObjectProvider<Clock> clock) {
        this.access = access;
        this.analytics = analytics;
        this.readModel = readModel;
        this.pages = pages;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/analytics", produces = MediaType.TEXT_HTML_VALUE)
    String dashboard(@PathVariable String pageId, @RequestParam(required = false) String period,
                     @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                     HttpServletResponse response, Model model) {
        access.require(authorization, Scope.ANALYTICS_READ);
        AnalyticsDashboard.Period chosen = AnalyticsDashboard.Period.of(period);
        PageAnalytics figures = figures(pageId, chosen, response);
        PageView page = pages.page(pageId);
        model.addAttribute("links", PageLinks.of(pageId));
        model.addAttribute("view", AnalyticsDashboard.of(StatusPages.page(page), chosen, figures,
                readModel.components(pageId)));
        return "analytics";
    }

    @GetMapping(path = "/analytics.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String pageId, @RequestParam(required = false) String period,
                               @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                               HttpServletResponse response) {
        access.require(authorization, Scope.ANALYTICS_READ);
        return Analytics.csvDownload(pageId, figures(pageId, AnalyticsDashboard.Period.of(period), response));
    }

    /** The period's figures, up to now; no cache on the way keeps them (they are for a key's holder only). */
    private PageAnalytics figures(String pageId, AnalyticsDashboard.Period period, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Instant now = clock.instant();
        return analytics.of(pageId, now.minus(period.length()), now, now);
    }
}
