package io.sitrep.query.analytics;

import io.sitrep.query.analytics.PageAnalytics.ComponentFigures;
import io.sitrep.query.readmodel.ComponentView;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.uptime.Uptime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A page's analytics over a period, for the API, its CSV and the dashboard alike. */
@Component
public class Analytics {

    private final ReadModel readModel;
    private final AnalyticsReader incidents;
    private final Uptime uptime;

    Analytics(ReadModel readModel, AnalyticsReader incidents, Uptime uptime) {
        this.readModel = readModel;
        this.incidents = incidents;
        this.uptime = uptime;
    }

    /**
     * The page's analytics over [from, to), as they stand at {@code now}.
     *
     * @throws NotFound when the page does not exist
     */
    public PageAnalytics of(String pageId, Instant from, Instant to, Instant now) {
        PageView page = readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        List<ComponentFigures> components = readModel.components(pageId).stream()
                .map(component -> figures(pageId, component, from, to, now)).toList();
        return PageAnalytics.of(from, to, now, ZoneId.of(page.timeZone()), incidents.openedIn(pageId, from, to),
                components);
    }

    /** The figures as a CSV file to download. */
    public static ResponseEntity<String> csvDownload(String pageId, PageAnalytics analytics) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(analytics.csvFileName(pageId)).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(analytics.csv());
    }

    private ComponentFigures figures(String pageId, ComponentView component, Instant from, Instant to, Instant now) {
        return uptime.over(pageId, component.id(), from, to, now)
                .map(figures -> new ComponentFigures(component.id(), figures.majorOutageSeconds(),
                        figures.partialOutageSeconds(), figures.uptimePercent()))
                .orElse(new ComponentFigures(component.id(), 0, 0, null));
    }
}
