package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sitrep.local.NodeTools;
import io.sitrep.query.analytics.AnalyticsCsv;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The pages in a real browser: the system's Chromium, headless, driven through the system's
 * chromedriver. Nothing is downloaded: the driver's path is given, so Selenium Manager never runs
 * (and would be told to stay offline if it did). Skipped only where Chromium is not installed
 * ({@code .ci/run} installs it). Leaves screenshots in {@code target/screenshots}.
 */
class StatusPageBrowserTest extends WebTestSupport {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver browser;
    private Path profile;
    private final List<String> consoleErrors = new ArrayList<>();
    private static final java.net.http.HttpClient ANALYTICS = java.net.http.HttpClient.newHttpClient();

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        // Selenium hands SE_* properties to Selenium Manager; it is not run here, and must never download.
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("sitrep-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @AfterEach
    void noConsoleErrors() {
        readConsole();
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void statusPageShowsTheOverallStatusComponentsAndTheOpenIncidentAsText() throws IOException {
        open("/pages/" + fixture.acmePage);

        assertThat(browser.getTitle()).isEqualTo("Acme Cloud Status");
        assertThat(text(".banner")).isEqualTo("Partial System Outage");
        assertThat(browser.findElement(By.cssSelector(".banner")).getCssValue("background-color"))
                .isEqualTo("rgba(194, 65, 12, 1)"); // the partial fill, #c2410c
        WebElement incident = browser.findElement(By.cssSelector(".incident-card"));
        assertThat(incident.findElement(By.tagName("h2")).getText()).isEqualTo(WebFixture.SCRIPT_TITLE);
        assertThat(incident.getText()).contains("Identified - We found the cause & are fixing it <b>now</b>.");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).contains("Chat", "Widget", "Partial Outage", "API", "Degraded Performance", "Billing",
                "Past Incidents", "Delayed exports", "Incident history");
        assertThat(visibleCells()).isEqualTo(5 * 90);
        screenshot("status-page");
    }

    @Test
    void statusPageShowsThirtyDaysOnAPhone() throws IOException {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/pages/" + fixture.acmePage);

            assertThat(visibleCells()).isEqualTo(5 * 30);
            assertThat(text(".banner")).isEqualTo("Partial System Outage");
            screenshot("status-page-phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void incidentPageReadsLineByLineLikeTheExampleReport() throws IOException {
        open("/pages/" + fixture.olarkPage + "/incidents/" + fixture.olarkIncident);

        assertThat(OlarkExample.visibleLines(text("main"))).containsExactlyElementsOf(OlarkExample.lines());
        screenshot("incident-page");
    }

    @Test
    void incidentTitleWithAScriptTagShowsAsText() throws IOException {
        open("/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident);

        assertThat(text("h1")).isEqualTo(WebFixture.SCRIPT_TITLE);
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(text(".affected")).isEqualTo("This incident affected: Chat (Widget, API)");
        screenshot("incident-page-open");
    }

    @Test
    void historyAndTheNotFoundPageRenderWithoutErrors() throws IOException {
        open("/pages/" + fixture.busyPage + "/history");
        assertThat(text("h1")).isEqualTo("Incident History");
        screenshot("history-page");
        browser.findElement(By.linkText("Older incidents")).click();
        readConsole();
        assertThat(browser.findElements(By.cssSelector(".history-incident"))).hasSize(5);

        browser.get(url("/pages/no-such-page"));
        assertThat(text("h1")).isEqualTo("We couldn’t find that page");
        // The 404 itself is the one console error a missing page gives: proof that the console is read.
        readConsole();
        assertThat(consoleErrors).singleElement().asString().contains("404");
        consoleErrors.clear();
    }

    @Test
    void statusPageFollowsADarkColourScheme() throws IOException {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open("/pages/" + fixture.acmePage);

            assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color"))
                    .isEqualTo("rgba(15, 18, 23, 1)");
            assertThat(browser.findElement(By.cssSelector(".banner")).getCssValue("background-color"))
                    .isEqualTo("rgba(245, 137, 58, 1)");
            assertThat(browser.findElement(By.cssSelector(".banner")).getCssValue("color"))
                    .as("dark text on the bright fills of the dark scheme").isEqualTo("rgba(15, 18, 23, 1)");
            screenshot("status-page-dark");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPageOnADesktopAPhoneOrInTheDark() throws IOException {
        NodeTools tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
        String axe = Files.readString(tools.file("axe-core/axe.min.js"));
        String dashboard = "/pages/" + fixture.olarkPage + "/analytics?period=365d";
        List<String> pages = List.of("/pages/" + fixture.acmePage, "/pages/" + fixture.busyPage + "/history",
                "/pages/" + fixture.olarkPage + "/incidents/" + fixture.olarkIncident, dashboard);
        signIn(dashboard);
        Dimension desktop = browser.manage().window().getSize();
        Map<String, Object> violations = new LinkedHashMap<>();
        try {
            for (String page : pages) {
                violations.put("desktop " + page, axeViolations(page, axe));
            }
            browser.manage().window().setSize(new Dimension(390, 844));
            for (String page : pages) {
                violations.put("phone " + page, axeViolations(page, axe));
            }
            browser.manage().window().setSize(desktop);
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            for (String page : pages) {
                violations.put("dark " + page, axeViolations(page, axe));
            }
        } finally {
            browser.manage().window().setSize(desktop);
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }

        assertThat(violations).hasSize(12).allSatisfy((page, found) -> assertThat((List<?>) found).as(page).isEmpty());
    }

    /** axe-core's serious and critical violations on the page, each with the elements at fault. */
    private Object axeViolations(String page, String axe) {
        open(page);
        browser.executeScript(axe);
        return browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(results => done(results.violations
                    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
                    .map(violation => violation.id + ': ' + violation.help + ' at '
                        + violation.nodes.map(node => node.target.join(' ')).join(', '))));""");
    }

    @Test
    void aScriptOnAnotherSiteReadsThePagesStatusAtTheRootOfItsOwnHost() throws Exception {
        String summary = "http://" + fixture.acmeHostname + ":" + port + "/api/v2/summary.json";
        JsonNode status = new ObjectMapper().readTree(get("/pages/" + fixture.acmePage + "/api/v2/status.json").body())
                .get("status");
        // What Statuspage's embeddable widgets do: fetch the page's summary.json from a page elsewhere.
        byte[] widget = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Another site</title><link rel="icon" href="data:,">
                </head><body><p id="status">loading</p><script>
                fetch('%s').then(answer => answer.json())
                  .then(page => document.getElementById('status').textContent =
                      page.status.indicator + ': ' + page.status.description)
                  .catch(failure => document.getElementById('status').textContent = 'failed: ' + failure);
                </script></body></html>""".formatted(summary).getBytes(StandardCharsets.UTF_8);
        HttpServer otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherSite.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, widget.length);
            exchange.getResponseBody().write(widget);
            exchange.close();
        });
        otherSite.start();
        try {
            browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
            await().atMost(Duration.ofSeconds(10)).until(() -> !text("#status").equals("loading"));

            assertThat(status.get("description").asText()).isEqualTo("Partial System Outage");
            assertThat(text("#status"))
                    .isEqualTo(status.get("indicator").asText() + ": " + status.get("description").asText());
            readConsole();
        } finally {
            otherSite.stop(0);
        }
    }

    @Test
    void analyticsDashboardAsksForAKeyThenDrawsItsChartsWhoseCsvHoldsTheFiguresOfTheJson() throws Exception {
        String dashboard = "/pages/" + fixture.olarkPage + "/analytics?period=365d";
        // Without a key the browser is asked for one: HTTP Basic (headless Chromium would cancel the prompt).
        assertThat(get(dashboard).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic realm="));

        signIn(dashboard);
        open(dashboard);

        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).hasSize(4)
                .allSatisfy(chart -> assertThat(chart.getSize().getWidth()).isGreaterThan(600));
        // The one incident of the period: a major one in the week of Nov 25, resolved in 3 h 20 min.
        assertThat(browser.findElements(By.cssSelector("#incidents-per-week rect.chart-bar"))).singleElement()
                .satisfies(bar -> assertThat(bar.getCssValue("fill")).isEqualTo("rgb(194, 65, 12)"));
        assertThat(browser.findElements(By.cssSelector("#time-to-resolve rect.chart-bar"))).hasSize(2);
        // The page has no components: its uptime chart says so.
        assertThat(browser.findElements(By.cssSelector("#uptime rect.chart-bar"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#uptime desc")).getAttribute("textContent"))
                .isEqualTo("Nothing to show in this period.");
        assertThat(text(".key-figures")).contains("Time to resolve, median\n3 h 20 min");
        // The download, as a click on its link saves it.
        Path downloads = Files.createDirectories(profile.resolve("downloads"));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        browser.findElement(By.cssSelector("a[download]")).click();
        Path file = downloads.resolve(fixture.olarkPage + "-analytics-2024-06-18-to-2025-06-18.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
        String csv = Files.readString(file);
        String json = ANALYTICS.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/pages/"
                                + fixture.olarkPage + "/analytics?from=2024-06-18T12:34:00Z&to=2025-06-18T12:34:00Z")))
                        .header("Authorization", "Bearer " + ANALYTICS_KEY).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        AnalyticsCsv.assertSameFigures(csv, tools.jackson.databind.json.JsonMapper.builder().build().readTree(json));
        screenshot("analytics-dashboard");
    }

    /** Answers the key prompt of the path: any user name, the key as the password; the browser keeps them. */
    private void signIn(String path) {
        browser.get(url(path).replace("http://", "http://on-call:" + ANALYTICS_KEY + "@"));
    }

    private void open(String path) {
        browser.get(url(path));
        readConsole();
    }

    private void readConsole() {
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private long visibleCells() {
        return browser.findElements(By.cssSelector(".bar .cell")).stream().filter(WebElement::isDisplayed).count();
    }

    /** The whole page, not only the window, as a PNG in target/screenshots. */
    private void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
