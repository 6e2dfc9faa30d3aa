package io.sitrep.query.statuspage;

import io.sitrep.query.links.PageLinks;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.PageView;
import io.sitrep.query.readmodel.ReadModel;
import io.sitrep.query.readmodel.ReadModel.Filter;
import io.sitrep.query.statuspage.StatuspageJson.Components;
import io.sitrep.query.statuspage.StatuspageJson.Incidents;
import io.sitrep.query.statuspage.StatuspageJson.ScheduledMaintenances;
import io.sitrep.query.statuspage.StatuspageJson.Status;
import io.sitrep.query.statuspage.StatuspageJson.Summary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page as Atlassian Statuspage's public v2 API shows one, so that its clients and widgets work
 * against Sitrep. Public; open to scripts on other sites, as Statuspage's is.
 */
@RestController
@RequestMapping(path = "/pages/{pageId}/api/v2", produces = MediaType.APPLICATION_JSON_VALUE)
@CrossOrigin(methods = RequestMethod.GET)
@Tag(name = "Statuspage-compatible API")
class StatuspageController {

    /** How many incidents incidents.json lists, as Statuspage. */
    static final int RECENT = 50;

    private final ReadModel readModel;

    StatuspageController(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/summary.json")
    @Operation(summary = "The page's status, components, unresolved incidents and scheduled maintenances")
    Summary summary(@PathVariable String pageId) {
        StatuspageMapping page = read(pageId, 0);
        return new Summary(page.page(), page.status(), page.components(), page.unresolvedIncidents(), List.of());
    }

    @GetMapping("/status.json")
    @Operation(summary = "The page's overall status: indicator and description")
    Status status(@PathVariable String pageId) {
        StatuspageMapping page = read(pageId, 0);
        return new Status(page.page(), page.status());
    }

    @GetMapping("/components.json")
    @Operation(summary = "The page's components; a group is a component with group true")
    Components components(@PathVariable String pageId) {
        StatuspageMapping page = read(pageId, 0);
        return new Components(page.page(), page.components());
    }

    @GetMapping("/incidents.json")
    @Operation(summary = "The page's 50 most recent incidents, newest first")
    Incidents incidents(@PathVariable String pageId) {
        StatuspageMapping page = read(pageId, RECENT);
        return new Incidents(page.page(), page.recentIncidents());
    }

    @GetMapping("/incidents/unresolved.json")
    @Operation(summary = "The page's unresolved incidents, newest first")
    Incidents unresolved(@PathVariable String pageId) {
        StatuspageMapping page = read(pageId, 0);
        return new Incidents(page.page(), page.unresolvedIncidents());
    }

    @GetMapping({"/scheduled-maintenances.json", "/scheduled-maintenances/upcoming.json",
            "/scheduled-maintenances/active.json"})
    @Operation(summary = "Scheduled maintenances: none until Sitrep has them")
    ScheduledMaintenances scheduledMaintenances(@PathVariable String pageId) {
        return new ScheduledMaintenances(read(pageId, 0).page(), List.of());
    }

    /** The page's views, with its {@code recent} newest incidents (incidents.json alone lists them). */
    private StatuspageMapping read(String pageId, int recent) {
        PageView page = readModel.page(pageId).orElseThrow(() -> NotFound.page(pageId));
        return new StatuspageMapping(page, readModel.components(pageId),
                recent == 0 ? List.of() : readModel.list(pageId, Filter.ALL, recent, null).items(),
                readModel.unresolved(pageId),
                PageLinks.of(pageId));
    }
}
