package io.sitrep.query.html;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns a postmortem's Markdown (CommonMark with GFM tables) into HTML that is safe to put on a
 * page. Raw HTML in the Markdown is parsed like the rest and then everything passes an allow-list:
 * text formatting, links (http, https, mailto and relative, always rel="nofollow noopener"),
 * lists, headings, code, block quotes and tables. Scripts, styles, images, frames, forms, event
 * handler attributes and javascript: URLs never get through.
 *
 * <p>Headings move down two levels (# becomes h3), below the page's own title and the
 * "Postmortem" heading. Thread-safe.
 */
final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "strong", "em", "b", "i", "del", "s", "code", "pre", "blockquote",
                    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td")
            .allowElements((name, attributes) -> "h3", "h1")
            .allowElements((name, attributes) -> "h4", "h2")
            .allowElements((name, attributes) -> "h5", "h3")
            .allowElements((name, attributes) -> "h6", "h4", "h5", "h6")
            .allowAttributes("start").matching(Pattern.compile("[0-9]{1,9}")).onElements("ol")
            .allowAttributes("align").matching(true, "left", "center", "right").onElements("th", "td")
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}")).onElements("code")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** The Markdown as sanitized HTML. */
    String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
