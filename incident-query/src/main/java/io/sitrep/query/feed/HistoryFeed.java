package io.sitrep.query.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.sitrep.query.display.PageTimes;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.UpdateView;
import io.sitrep.query.readmodel.WireNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * A page's incidents as an Atom or RSS feed: an entry per incident, linking to its incident page,
 * with its entries newest first as HTML. Every text a user wrote is escaped; titles are plain text.
 */
final class HistoryFeed {

    enum Format {
        ATOM("atom_1.0", "history.atom", "application/atom+xml"),
        RSS("rss_2.0", "history.rss", "application/rss+xml");

        final String romeType;
        final String fileName;
        final String contentType;

        Format(String romeType, String fileName, String contentType) {
            this.romeType = romeType;
            this.fileName = fileName;
            this.contentType = contentType;
        }

        /** The content type of the answer: the feed is written in UTF-8. */
        MediaType mediaType() {
            return new MediaType(MediaType.parseMediaType(contentType), StandardCharsets.UTF_8);
        }
    }

    private final PageView page;
    private final List<IncidentView> incidents;
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private final PageLinks links;
    private final PageTimes times;

    /** @param incidents the incidents to list, newest first */
    HistoryFeed(PageView page, List<IncidentView> incidents, PageLinks links) {
        this.page = page;
        this.incidents = incidents;
        this.links = links;
        this.times = PageTimes.in(page.timeZone());
    }

    String write(Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setTitle(page.name() + " status history");
        feed.setDescription("Incidents of " + page.name() + ", newest first");
        String self = links.url(format.fileName);
        feed.setUri(self);
        feed.setLink(links.page());
        feed.setLinks(List.of(link("alternate", links.page(), MediaType.TEXT_HTML_VALUE),
                link("self", self, format.contentType)));
        if (format == Format.RSS) {
            // RSS has no self link of its own; feed readers and validators look for Atom's.
            feed.setForeignMarkup(List.of(new Element("link", ATOM).setAttribute("href", self)
                    .setAttribute("rel", "self").setAttribute("type", format.contentType)));
        }
        feed.setPublishedDate(Date.from(Stream.concat(Stream.of(page.updatedAt()),
                incidents.stream().map(IncidentView::updatedAt)).max(Comparator.naturalOrder()).orElseThrow()));
        feed.setEntries(incidents.stream().map(incident -> entry(incident, format)).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + format + " feed of page " + page.id(), e);
        }
    }

    private SyndEntry entry(IncidentView incident, Format format) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(incident.resolved() ? incident.title()
                : incident.title() + " [" + WireNames.label(incident.status()) + "]");
        // Atom needs an author; the page speaks for itself.
        entry.setAuthor(page.name());
        String url = links.incident(incident.id());
        entry.setLink(url);
        entry.setPublishedDate(Date.from(incident.createdAt()));
        entry.setUpdatedDate(Date.from(incident.updatedAt()));
        SyndContent html = new SyndContentImpl();
        html.setType(MediaType.TEXT_HTML_VALUE);
        html.setValue(html(incident));
        if (format == Format.ATOM) {
            entry.setUri(url);
            entry.setContents(List.of(html));
        } else {
            // Without a uri, Rome makes the link the item's guid, as a permalink.
            entry.setDescription(html);
        }
        return entry;
    }

    /** The postmortem, if any, then every entry newest first, as on the incident page. */
    String html(IncidentView incident) {
        StringBuilder html = new StringBuilder();
        if (incident.postmortem() != null) {
            posted(html, "Postmortem", incident.postmortem().body(), incident.postmortem().publishedAt());
        }
        for (UpdateView update : incident.updates()) {
            posted(html, update.label(), update.message(), update.occurredAt());
        }
        return html.toString();
    }

    private void posted(StringBuilder html, String label, String text, Instant at) {
        html.append("<p><strong>").append(escaped(label)).append("</strong> - ")
                .append(escaped(text).replaceAll("\r?\n", "<br>"))
                .append("<br><small>").append(times.posted(at)).append("</small></p>");
    }

    /** Only what HTML needs escaped: the feed is UTF-8, so everything else stays as written. */
    private static String escaped(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

}
