package io.sitrep.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import io.sitrep.events.Impact;
import io.sitrep.events.IncidentStatus;
import io.sitrep.query.feed.HistoryFeed.Format;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.IncidentView;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.PostmortemView;
import io.sitrep.query.readmodel.UpdateView;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryFeedTest {

    static final Instant OPENED = Instant.parse("2024-11-25T16:23:00Z");
    static final Instant RESOLVED = Instant.parse("2024-11-25T17:57:00Z");
    static final PageView PAGE = new PageView("olark", "Olark <Live> Chat", "America/Los_Angeles", OPENED, OPENED);
    static final PageLinks LINKS = new PageLinks("https://status.example.com", "/pages/olark");

    static final IncidentView OLDER = new IncidentView("inc-1", "olark", "Chat <b>down</b> & out", IncidentStatus.RESOLVED,
            Impact.CRITICAL, OPENED, RESOLVED.plusSeconds(3600), null, RESOLVED, 3, List.of(),
            List.of(update("u-2", IncidentStatus.RESOLVED, "Resolved", "Fixed <i>it</i> – für alle ☕", RESOLVED),
                    update("u-1", IncidentStatus.INVESTIGATING, "Investigating", "Looking & <script>alert(1)</script>", OPENED)),
            new PostmortemView("# What <happened>\nA cable.", RESOLVED.plusSeconds(3600)));
    static final IncidentView NEWER = new IncidentView("inc-2", "olark", "<script>alert('x')</script>", IncidentStatus.IDENTIFIED,
            Impact.MINOR, Instant.parse("2024-12-01T10:00:00Z"), Instant.parse("2024-12-01T10:05:00Z"), null, null, 2,
            List.of(), List.of(update("u-3", IncidentStatus.IDENTIFIED, "Identified", "Found it", Instant.parse("2024-12-01T10:00:00Z"))),
            null);
    static final List<IncidentView> NEWEST_FIRST = List.of(NEWER, OLDER);

    @Test
    void theAtomFeedListsTheIncidentsNewestFirstLinkingToTheirPages() throws Exception {
        SyndFeed feed = parse(Format.ATOM);

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Olark <Live> Chat status history");
        assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).containsExactly(
                tuple("alternate", "https://status.example.com/pages/olark"),
                tuple("self", "https://status.example.com/pages/olark/history.atom"));
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://status.example.com/pages/olark/incidents/inc-2",
                "https://status.example.com/pages/olark/incidents/inc-1");
        SyndEntry older = feed.getEntries().get(1);
        assertThat(older.getLink()).isEqualTo("https://status.example.com/pages/olark/incidents/inc-1");
        assertThat(older.getAuthor()).isEqualTo("Olark <Live> Chat");
        assertThat(older.getPublishedDate()).isEqualTo(Date.from(OPENED));
        assertThat(older.getUpdatedDate()).isEqualTo(Date.from(RESOLVED.plusSeconds(3600)));
        assertThat(feed.getPublishedDate()).isEqualTo(Date.from(Instant.parse("2024-12-01T10:05:00Z")));
    }

    @Test
    void theRssFeedListsTheSameIncidentsWithPermanentGuids() throws Exception {
        String xml = new HistoryFeed(PAGE, NEWEST_FIRST, LINKS).write(Format.RSS);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertThat(xml).contains("<guid>https://status.example.com/pages/olark/incidents/inc-2</guid>");
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Olark <Live> Chat status history");
        assertThat(feed.getLink()).isEqualTo("https://status.example.com/pages/olark");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).containsExactly(
                "https://status.example.com/pages/olark/incidents/inc-2",
                "https://status.example.com/pages/olark/incidents/inc-1");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "https://status.example.com/pages/olark/incidents/inc-2",
                "https://status.example.com/pages/olark/incidents/inc-1");
        assertThat(feed.getEntries().get(1).getDescription().getValue()).isEqualTo(new HistoryFeed(PAGE,
                NEWEST_FIRST, LINKS).html(OLDER));
    }

    @Test
    void anUnresolvedIncidentsTitleNamesItsStatusAndStaysPlainText() throws Exception {
        for (Format format : Format.values()) {
            String xml = new HistoryFeed(PAGE, NEWEST_FIRST, LINKS).write(format);
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

            assertThat(xml).doesNotContain("<script>");
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly("<script>alert('x')</script> [Identified]", "Chat <b>down</b> & out");
        }
    }

    @Test
    void anEntrysTextIsItsPostmortemAndUpdatesNewestFirstWithUserTextEscaped() throws Exception {
        String html = parse(Format.ATOM).getEntries().get(1).getContents().get(0).getValue();

        assertThat(html).isEqualTo("<p><strong>Postmortem</strong> - # What &lt;happened&gt;<br>A cable."
                + "<br><small>Posted Nov 25, 2024 - 10:57 PST</small></p>"
                + "<p><strong>Resolved</strong> - Fixed &lt;i&gt;it&lt;/i&gt; – für alle ☕"
                + "<br><small>Posted Nov 25, 2024 - 09:57 PST</small></p>"
                + "<p><strong>Investigating</strong> - Looking &amp; &lt;script&gt;alert(1)&lt;/script&gt;"
                + "<br><small>Posted Nov 25, 2024 - 08:23 PST</small></p>");
    }

    @Test
    void theFeedsAreServedAsUtf8WithTheirOwnContentTypes() {
        assertThat(Format.ATOM.mediaType()).hasToString("application/atom+xml;charset=UTF-8");
        assertThat(Format.RSS.mediaType()).hasToString("application/rss+xml;charset=UTF-8");
        assertThat(new HistoryFeed(PAGE, List.of(), LINKS).write(Format.ATOM)).startsWith(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    static SyndFeed parse(Format format) throws Exception {
        return new SyndFeedInput().build(new StringReader(new HistoryFeed(PAGE, NEWEST_FIRST, LINKS).write(format)));
    }

    static UpdateView update(String id, IncidentStatus status, String label, String message, Instant at) {
        return new UpdateView(id, status, label, message, at, at);
    }
}
