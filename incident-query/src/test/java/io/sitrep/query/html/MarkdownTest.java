package io.sitrep.query.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void keepsFormattingListsCodeQuotesAndTables() {
        String html = markdown.toSafeHtml("""
                Some **bold**, *emphasis*, `code` and ~~no~~.

                - one
                - two

                3. three
                4. four

                > quoted

                ```java
                int x = 1;
                ```

                | Time | What |
                |:-----|-----:|
                | 08:23 | alerted |
                """);

        assertThat(html)
                .contains("<strong>bold</strong>", "<em>emphasis</em>", "<code>code</code>")
                .contains("<ul>", "<li>one</li>", "<ol start=\"3\">", "<blockquote>")
                .contains("<pre><code class=\"language-java\">int x &#61; 1;")
                .contains("<table>", "<th align=\"left\">Time</th>", "<td align=\"right\">alerted</td>");
    }

    @Test
    void removesScriptsEventHandlersAndJavascriptLinks() {
        String html = markdown.toSafeHtml("""
                Hello <script>alert('x')</script> **world**

                <img src="x" onerror="alert(1)"> <b onclick="alert(2)">bold</b>

                [click](javascript:alert(3)) and <a href="javascript:alert(4)">this</a>

                <style>body { display: none }</style><iframe src="https://evil.example"></iframe>
                """);

        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("alert")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<iframe")
                .contains("<strong>world</strong>", "<b>bold</b>", "click", "this");
    }

    @Test
    void makesLinksNofollowNoopener() {
        String html = markdown.toSafeHtml("See [the report](https://example.com/report \"Report\").");

        assertThat(html).contains("href=\"https://example.com/report\"", "rel=\"nofollow noopener\"",
                "title=\"Report\"");
    }

    @Test
    void movesHeadingsBelowThePostmortemHeading() {
        String html = markdown.toSafeHtml("# What happened\n\n## Why\n\n### Details\n\n#### More");

        assertThat(html).contains("<h3>What happened</h3>", "<h4>Why</h4>", "<h5>Details</h5>", "<h6>More</h6>")
                .doesNotContain("<h1>", "<h2>");
    }

    @Test
    void keepsParagraphTextAsWritten() {
        String html = markdown.toSafeHtml("Some agents’ status was set to \"away\" & <offline>.");

        assertThat(org.jsoup.Jsoup.parse(html).text()).isEqualTo("Some agents’ status was set to \"away\" & .");
    }
}
