package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitrep.local.NodeTools;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of HTML page through the Nu HTML Checker (the W3C's validator, npm {@code vnu-jar}):
 * not one error. Skipped where Node.js is not installed to fetch it.
 */
class NuHtmlCheckerTest extends WebTestSupport {

    @Test
    void theNuHtmlCheckerFindsNoErrorInAnyPage(@TempDir Path work) throws Exception {
        NodeTools tools = NodeTools.installed().orElse(null);
        assumeTrue(tools != null, "Node.js and npm are not installed");
        List<String> pages = List.of("/pages/" + fixture.acmePage, "/pages/" + fixture.busyPage + "/history",
                "/pages/" + fixture.olarkPage + "/incidents/" + fixture.olarkIncident,
                "/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident, "/pages/no-such-page",
                "/pages/" + fixture.acmePage + "?asOf=" + fixture.openedAt.plusSeconds(60),
                "/pages/" + fixture.acmePage + "/incidents/" + fixture.openIncident + "?knownAt=" + fixture.identifiedAt,
                "/pages/" + fixture.olarkPage + "/analytics?period=365d", "/pages/" + fixture.olarkPage + "/analytics");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", tools.file("vnu-jar/build/dist/vnu.jar").toString(), "--errors-only", "--format", "gnu"));
        for (String page : pages) {
            // Signed in, for the analytics dashboard; the other pages need no key and ignore it.
            HttpResponse<String> answer = getSignedIn(page);
            Path file = work.resolve(page.substring(1).replaceAll("[^A-Za-z0-9-]", "_") + ".html");
            Files.writeString(file, answer.body());
            command.add(file.toString());
        }

        NodeTools.Run vnu = tools.run(command);

        assertThat(vnu.errors() + vnu.output()).as("the checker's errors").isEmpty();
        assertThat(vnu.exitCode()).isZero();
    }
}
