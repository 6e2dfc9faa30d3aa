package io.sitrep.query.html;

import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.PastViews.Moment;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public status pages in HTML, rendered on the server: a page's status, its incident history
 * and an incident's report. No JavaScript. Public, no key needed.
 */
@Controller
@Hidden
@RequestMapping(path = "/pages/{pageId}", produces = MediaType.TEXT_HTML_VALUE)
class StatusPageController {

    private final StatusPages pages;

    StatusPageController(StatusPages pages) {
        this.pages = pages;
    }

    /** Where the page's links lead: under /pages/{pageId}, or at the root of the page's own host. */
    @ModelAttribute("links")
    PageLinks links(@PathVariable String pageId) {
        return PageLinks.of(pageId);
    }

    @GetMapping
    String statusPage(@PathVariable String pageId, @RequestParam(required = false) String asOf,
                      @RequestParam(required = false) String knownAt, Model model) {
        model.addAttribute("view", pages.statusPage(pageId, Moment.of(asOf, knownAt)));
        return "status-page";
    }

    @GetMapping("/history")
    String history(@PathVariable String pageId, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("view", pages.history(pageId, cursor == null || cursor.isBlank() ? null : cursor));
        return "history";
    }

    @GetMapping("/incidents/{incidentId}")
    String incident(@PathVariable String pageId, @PathVariable String incidentId,
                    @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                    Model model) {
        model.addAttribute("view", pages.incident(pageId, incidentId, Moment.of(asOf, knownAt)));
        return "incident";
    }
}
