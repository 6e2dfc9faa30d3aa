package io.sitrep.query.feed;

import io.sitrep.query.feed.HistoryFeed.Format;
import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.readmodel.ReadModel.Filter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A page's incident history as Atom and RSS feeds, for feed readers. Public. */
@RestController
@RequestMapping("/pages/{pageId}")
@Tag(name = "Feeds")
class HistoryFeedController {

    /** How many incidents a feed lists, newest first. */
    static final int RECENT = 50;

    private final ReadModel readModel;

    HistoryFeedController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/history.atom")
    @Operation(summary = "The page's 50 most recent incidents as an Atom feed")
    ResponseEntity<String> atom(@PathVariable String pageId) {
        return feed(pageId, Format.ATOM);
    }

    @GetMapping("/history.rss")
    @Operation(summary = "The page's 50 most recent incidents as an RSS 2.0 feed")
    ResponseEntity<String> rss(@PathVariable String pageId) {
        return feed(pageId, Format.RSS);
    }

    private ResponseEntity<String> feed(String pageId, Format format) {
        PageView page = readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        HistoryFeed feed = new HistoryFeed(page, readModel.list(pageId, Filter.ALL, RECENT, null).items(),
                PageLinks.of(pageId));
        return ResponseEntity.ok().contentType(format.mediaType()).body(feed.write(format));
    }
}
