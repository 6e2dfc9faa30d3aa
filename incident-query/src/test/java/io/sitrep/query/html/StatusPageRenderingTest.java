package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.query.display.PageTimes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The three HTML pages as a reader sees them: their text, line by line, and that it is all escaped. */
class StatusPageRenderingTest extends WebTestSupport {

    private final PageTimes berlin = PageTimes.in(WebFixture.ACME_ZONE);

    @Test
    void incidentPageReadsLineByLineLikeTheExampleReport() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.olarkPage + "/incidents/" + fixture.olarkIncident);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        Document page = Jsoup.parse(response.body());
        assertThat(VisibleText.lines(page.selectFirst("main"))).containsExactlyElementsOf(OlarkExample.lines());
        assertThat(page.title()).isEqualTo("Incident Alerted - Olark Live Chat");
    }

    @Test
    void incidentPageGivesEachLabelMessageAndPostedLineABlockOfItsOwn() throws Exception {
        Document page = html("/pages/" + fixture.olarkPage + "/incidents/" + fixture.olarkIncident);

        assertThat(page.select("h1").eachText()).containsExactly("Incident Alerted");
        assertThat(page.select(".report-for").text()).isEqualTo("Incident Report for Olark Live Chat");
        assertThat(page.select(".entry-label").eachText())
                .containsExactly("Postmortem", "Resolved", "Monitoring", "Update", "Update", "Investigating");
        assertThat(page.select(".posted").eachText()).containsExactly(
                "Posted Nov 26, 2024 - 13:40 PST",
                "Posted Nov 25, 2024 - 11:43 PST",
                "Posted Nov 25, 2024 - 09:57 PST",
                "Posted Nov 25, 2024 - 09:31 PST",
                "Posted Nov 25, 2024 - 08:31 PST",
                "Posted Nov 25, 2024 - 08:23 PST");
        assertThat(page.select(".postmortem .prose p")).hasSize(6);
        assertThat(page.select(".affected")).isEmpty();
        assertThat(page.select("time").first().attr("datetime")).isEqualTo("2024-11-26T21:40:00Z");
    }

    @Test
    void incidentPageNamesTheComponentsItAffectedAndShowsMarkupAsText() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident);
        Document page = Jsoup.parse(response.body());

        assertThat(page.select(".affected").text()).isEqualTo("This incident affected: Chat (Widget, API)");
        assertThat(page.select("h1").text()).isEqualTo(WebFixture.SCRIPT_TITLE);
        assertThat(page.select(".entry-message").eachText()).containsExactly(
                "We found the cause & are fixing it <b>now</b>.", "We are looking into errors in the widget.");
        assertThat(page.select("script, main b")).isEmpty();
        assertThat(response.body()).contains("Elevated errors &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(VisibleText.lines(page.selectFirst("main"))).containsExactly(
                WebFixture.SCRIPT_TITLE,
                "Incident Report for Acme Cloud",
                "Identified",
                "We found the cause & are fixing it <b>now</b>.",
                berlin.posted(fixture.identifiedAt),
                "Investigating",
                "We are looking into errors in the widget.",
                berlin.posted(fixture.openedAt),
                "This incident affected: Chat (Widget, API)");
    }

    @Test
    void statusPageShowsTheOverallStatusAndTheOpenIncident() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.acmePage);
        Document page = Jsoup.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.title()).isEqualTo("Acme Cloud Status");
        assertThat(page.select(".brand").text()).isEqualTo("Acme Cloud");
        Element banner = page.selectFirst(".banner");
        assertThat(banner.text()).isEqualTo("Partial System Outage");
        assertThat(banner.hasClass("tone-partial")).isTrue();

        Element open = page.selectFirst(".incident-card");
        assertThat(open.hasClass("tone-partial")).isTrue();
        assertThat(VisibleText.lines(open)).containsExactly(
                WebFixture.SCRIPT_TITLE,
                "Identified - We found the cause & are fixing it <b>now</b>.",
                berlin.posted(fixture.identifiedAt),
                "This incident affected: Chat (Widget, API)");
        assertThat(open.selectFirst("a").attr("href"))
                .isEqualTo("/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident);
        assertThat(page.select("script")).isEmpty();
        assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void statusPageListsComponentsByGroupEachWithNinetyDays() throws Exception {
        Document page = html("/pages/" + fixture.acmePage);

        assertThat(page.select(".group-name").eachText()).containsExactly("Chat", "Data");
        assertThat(page.select(".group-head .component-status").eachText())
                .containsExactly("Partial Outage", "Operational");
        assertThat(page.select(".component").stream()
                .map(c -> c.selectFirst(".component-name").text() + ": " + c.selectFirst(".component-status").text()))
                .containsExactly("Widget: Partial Outage", "Dashboard: Operational", "API: Degraded Performance",
                        "Billing: Operational", "Exports: Operational");
        // Billing stands alone, between the two groups, as it was created between them.
        assertThat(page.select(".components > .component .component-name").eachText()).containsExactly("Billing");

        LocalDate today = berlin.dayOf(fixture.now);
        for (Element bar : page.select(".bar")) {
            Elements cells = bar.select(".cell");
            assertThat(cells).hasSize(90);
            // Created 60 days ago: the first month of the bar is before the component existed.
            assertThat(cells.get(0).hasClass("tone-nodata")).isTrue();
            assertThat(cells.get(0).attr("title")).endsWith(": no data");
            assertThat(cells.get(30).attr("title")).contains("% uptime");
        }
        // The widget has been in partial outage for the last 2 h of the 14 h 34 min of today in Berlin:
        // 100 × (1 − 0.3 × 7,200 / 52,440) = 95.881; over its 60 days, 100 × (1 − 2,160 / 5,184,000) = 99.958.
        Element widgetRow = page.select(".component").get(0);
        Elements widget = widgetRow.select(".cell");
        assertThat(widget.get(89).hasClass("tone-partial")).isTrue();
        assertThat(widget.get(89).attr("title")).isEqualTo(berlin.day(today) + ": 95.88% uptime, partial outage 2 h, "
                + WebFixture.SCRIPT_TITLE);
        assertThat(widgetRow.select(".uptime").text()).isEqualTo("99.95% uptime");
        assertThat(page.select(".bar").first().attr("aria-label"))
                .isEqualTo("Last 90 days of Widget: 99.95% uptime, incidents on 1 day");
        // The days with an incident are in a table too, for keyboards and screen readers.
        Elements rows = widgetRow.select("details.days tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.last().text()).isEqualTo(berlin.day(today) + " 95.88% uptime, partial outage 2 h, "
                + WebFixture.SCRIPT_TITLE);
        assertThat(page.select(".component").get(1).select("details.days")).as("dashboard: no incident in 90 days")
                .isEmpty();
        // Exports were delayed for 45 min three days ago: an incident, but no outage.
        Elements exports = page.select(".component").get(4).select(".cell");
        int exportsDay = 89 - (int) ChronoUnit.DAYS.between(berlin.dayOf(fixture.exportsAt), today);
        assertThat(exports.get(exportsDay).hasClass("tone-degraded")).isTrue();
        assertThat(exports.get(exportsDay).attr("title")).endsWith(": 100% uptime, Delayed exports");
        assertThat(exports.get(exportsDay + 1).attr("title")).endsWith(": 100% uptime, no incidents");
        assertThat(exports.get(exportsDay + 1).hasClass("tone-ok")).isTrue();
    }

    @Test
    void theStatusPageAsOfAnInstantShowsThePageAsItStoodThenAndSaysSo() throws Exception {
        Instant before = fixture.openedAt.minus(Duration.ofHours(1));
        Document then = html("/pages/" + fixture.acmePage + "?asOf=" + before);

        assertThat(then.select(".past-notice").text())
                .isEqualTo("As of " + berlin.timestamp(before) + ": this is the page as it stood then. See it now");
        assertThat(then.select(".banner").text()).isEqualTo("All Systems Operational");
        assertThat(then.select(".incident-card")).isEmpty();
        assertThat(then.select(".component-status").eachText()).containsOnly("Operational");
        assertThat(then.select(".bar")).as("no bars for the past").isEmpty();
        assertThat(then.select("section.past")).isEmpty();

        Document during = html("/pages/" + fixture.acmePage + "?knownAt=" + fixture.openedAt.plusSeconds(60));
        assertThat(during.select(".past-notice").text()).startsWith("As shown at ");
        assertThat(during.select(".banner").text()).isEqualTo("Partial System Outage");
        assertThat(during.select(".incident-card h2").text()).isEqualTo(WebFixture.SCRIPT_TITLE);
    }

    @Test
    void theIncidentReportAsOfAnInstantShowsTheEntriesOfThen() throws Exception {
        Document then = html("/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident + "?asOf="
                + fixture.identifiedAt.minusSeconds(60));

        assertThat(then.select(".past-notice").text()).startsWith("As of " + berlin.timestamp(
                fixture.identifiedAt.minusSeconds(60)));
        assertThat(then.select(".entry-label").eachText()).containsExactly("Investigating");
    }

    @Test
    void aPastThatIsNotAnInstantIsAFriendly400() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.acmePage + "?asOf=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select(".error-reason").text())
                .isEqualTo("The address asks for asOf=…, which must be an ISO-8601 instant such as "
                        + "2024-11-25T16:23:00Z.");
    }

    @Test
    void statusPageListsPastIncidentsByDayWithLinksToTheHistoryAndFeeds() throws Exception {
        Document page = html("/pages/" + fixture.acmePage);
        LocalDate today = berlin.dayOf(fixture.now);

        List<String> days = page.select(".day-heading").eachText();
        // The last 14 days, and the day of the older incident to make up the last incidents.
        assertThat(days).hasSize(15);
        assertThat(days.get(0)).isEqualTo(berlin.day(today));
        assertThat(days.get(13)).isEqualTo(berlin.day(today.minusDays(13)));
        assertThat(days.get(14)).isEqualTo(berlin.day(berlin.dayOf(fixture.now.minus(Duration.ofDays(40)))));
        assertThat(incidentsUnder(page, berlin.day(berlin.dayOf(fixture.openedAt)))).contains(WebFixture.SCRIPT_TITLE);
        assertThat(incidentsUnder(page, berlin.day(berlin.dayOf(fixture.exportsAt))))
                .containsExactly("Delayed exports");
        assertThat(page.select(".past-day").get(7).text()).endsWith("No incidents reported.");

        Element exports = page.select(".past-incident").stream()
                .filter(e -> e.text().startsWith("Delayed exports")).findFirst().orElseThrow();
        assertThat(VisibleText.lines(exports)).containsExactly("Delayed exports",
                "Resolved - Exports have caught up.",
                berlin.posted(fixture.exportsAt.plus(Duration.ofMinutes(45))));
        assertThat(exports.selectFirst("a").hasClass("tone-degraded")).isTrue();

        assertThat(page.select("a:contains(Incident history)").first().attr("href"))
                .isEqualTo("/pages/" + fixture.acmePage + "/history");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/pages/" + fixture.acmePage + "/history.atom");
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/pages/" + fixture.acmePage + "/history.rss");
        assertThat(page.select("a[href$=history.atom]")).isNotEmpty();
        assertThat(page.select("a[href$=history.rss]")).isNotEmpty();
    }

    @Test
    void historyGroupsIncidentsByMonthAndPagesWithACursor() throws Exception {
        Document first = html("/pages/" + fixture.busyPage + "/history");

        assertThat(first.select(".month-heading").eachText())
                .containsExactly("May 2024", "April 2024", "March 2024", "February 2024", "January 2024");
        assertThat(first.select(".history-incident-title").eachText()).hasSize(25)
                .startsWith("Incident 30", "Incident 29").endsWith("Incident 7", "Incident 6");
        assertThat(VisibleText.lines(first.select(".history-incident").last()))
                .containsExactly("Incident 6", "All good again.", "Jan 26, 10:00 - 10:30 UTC");
        assertThat(first.select(".pager a").eachText()).containsExactly("Older incidents");

        String older = first.selectFirst("a.older").attr("href");
        assertThat(older).startsWith("/pages/" + fixture.busyPage + "/history?cursor=");
        Document second = html(older);

        assertThat(second.select(".month-heading").eachText()).containsExactly("January 2024");
        assertThat(second.select(".history-incident-title").eachText())
                .containsExactly("Incident 5", "Incident 4", "Incident 3", "Incident 2", "Incident 1");
        assertThat(second.select(".pager a").eachText()).containsExactly("Newest incidents");
    }

    @Test
    void historyOfAQuietPageSaysSo() throws Exception {
        Document page = html("/pages/" + fixture.olarkPage + "/history");

        assertThat(page.select(".history-incident-title").eachText()).containsExactly("Incident Alerted");
        assertThat(page.select(".history-incident .span").text()).isEqualTo("Nov 25, 08:23 - 11:43 PST");
        assertThat(page.select(".pager a")).isEmpty();
    }

    @Test
    void unknownPagesAndIncidentsAnswerAFriendly404() throws Exception {
        for (String path : List.of("/pages/no-such-page", "/pages/no-such-page/history",
                "/pages/no-such-page/incidents/" + fixture.olarkIncident,
                "/pages/" + fixture.acmePage + "/incidents/no-such-incident",
                "/pages/" + fixture.acmePage + "/incidents/" + fixture.olarkIncident,
                "/pages/NOT%20A%20PAGE", "/pages/" + fixture.acmePage + "/nothing-here")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=UTF-8");
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("h1").text()).as(path).isEqualTo("We couldn’t find that page");
            assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/sitrep.css");
        }
        Document wrongIncident = Jsoup.parse(get("/pages/" + fixture.acmePage + "/incidents/"
                + fixture.olarkIncident).body());
        assertThat(wrongIncident.select("main a").attr("href")).isEqualTo("/pages/" + fixture.acmePage);
        assertThat(wrongIncident.select("main a").text()).isEqualTo("Back to Acme Cloud status");
    }

    @Test
    void aCursorThisServiceDidNotHandOutIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.busyPage + "/history?cursor=not-a-cursor");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(Jsoup.parse(response.body()).select("main a").attr("href"))
                .isEqualTo("/pages/" + fixture.busyPage);
    }

    @Test
    void pagesForbidScriptsThroughTheirContentSecurityPolicy() throws Exception {
        HttpResponse<String> response = get("/pages/" + fixture.acmePage);

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'").doesNotContain("script-src"));
        assertThat(get("/css/sitrep.css").statusCode()).isEqualTo(200);
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPageDescribesItselfForSearchEnginesAndLinkPreviews() throws Exception {
        assertThat(html("/pages/" + fixture.acmePage).select("meta[name=description]").attr("content"))
                .isEqualTo("Current status of Acme Cloud: Partial System Outage. Components, incidents in progress"
                        + " and past incidents.");
        assertThat(html("/pages/" + fixture.acmePage + "/history").select("meta[name=description]").attr("content"))
                .isEqualTo("Every past incident of Acme Cloud, month by month, with its updates.");
        assertThat(html("/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident)
                .select("meta[name=description]").attr("content"))
                .isEqualTo(WebFixture.SCRIPT_TITLE + " - Major impact. The incident report of Acme Cloud, with every"
                        + " update.");
    }

    @Test
    void robotsMayReadThePagesButNotTheApis() throws Exception {
        HttpResponse<String> robots = get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(robots.body().lines()).contains("User-agent: *", "Disallow: /api/", "Allow: /");
    }

    private Document html(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<String> incidentsUnder(Document page, String day) {
        return page.select(".past-day").stream()
                .filter(d -> d.selectFirst(".day-heading").text().equals(day))
                .findFirst().orElseThrow()
                .select(".past-incident-title").eachText();
    }
}
