package io.sitrep.command.page;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.Commands;
import io.sitrep.command.page.PageCommands.DefineComponent;
import io.sitrep.command.page.PageCommands.DefinePage;
import io.sitrep.command.web.RequestCheck;
import io.sitrep.command.web.RequestRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.zone.ZoneRulesProvider;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/pages", produces = "application/json")
@Tag(name = "Pages and components")
class PageController {

    static final int MAX_NAME = 200;
    /** A lowercase DNS name: dot-separated labels of letters, digits and inner hyphens; no port. */
    static final String HOSTNAME_PATTERN = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";
    static final Pattern HOSTNAME = Pattern.compile(HOSTNAME_PATTERN);
    static final int MAX_HOSTNAME = 253;

    record PageRequest(@Schema(requiredMode = REQUIRED, maxLength = MAX_NAME) String name,
                       @Schema(requiredMode = REQUIRED, example = "America/Los_Angeles") String timeZone,
                       @Schema(maxLength = MAX_HOSTNAME, pattern = HOSTNAME_PATTERN, example = "status.olark.com")
                       String hostname) {
    }

    record PageView(String id, String name, String timeZone, String hostname) {
    }

    record ComponentRequest(@Schema(requiredMode = REQUIRED, maxLength = MAX_NAME) String name,
                            @Schema(maxLength = MAX_NAME) String group) {
    }

    record ComponentView(String id, String pageId, String name, String group) {
    }

    private final Commands commands;

    PageController(Commands commands) {
        this.commands = commands;
    }

    @PutMapping(path = "/{pageId}", consumes = "application/json")
    @Operation(summary = "Create or change a status page", description = "pageId matches [a-z0-9][a-z0-9-]{0,63}; "
            + "timeZone is an IANA zone id, the zone of every time the page shows. hostname is optional: the page's "
            + "own host name (a custom domain such as status.olark.com: a lowercase DNS name, at most 253 characters, "
            + "no port), at whose root incident-query also serves the page. No two pages share one (422); a PUT "
            + "without it removes it.")
    @ApiResponse(responseCode = "201", description = "The page was created")
    @ApiResponse(responseCode = "200", description = "The page was changed, or already was as requested")
    ResponseEntity<PageView> putPage(@PathVariable String pageId, @RequestBody PageRequest body) {
        requireId(pageId, "page");
        RequestCheck check = new RequestCheck().text("name", body.name(), MAX_NAME).required("timeZone", body.timeZone());
        if (body.timeZone() != null && !ZoneRulesProvider.getAvailableZoneIds().contains(body.timeZone())) {
            check.add("timeZone", "is not an IANA time zone id such as America/Los_Angeles");
        }
        if (body.hostname() != null
                && (body.hostname().length() > MAX_HOSTNAME || !HOSTNAME.matcher(body.hostname()).matches())) {
            check.add("hostname", "is not a lowercase DNS name of at most " + MAX_HOSTNAME
                    + " characters without a port, such as status.example.com");
        }
        check.orThrow();
        boolean created = commands.sendAndWait(
                new DefinePage(pageId, body.name().strip(), body.timeZone(), body.hostname()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new PageView(pageId, body.name().strip(), body.timeZone(), body.hostname()));
    }

    @PutMapping(path = "/{pageId}/components/{componentId}", consumes = "application/json")
    @Operation(summary = "Create or change a component of a page", description = "componentId matches "
            + "[a-z0-9][a-z0-9-]{0,63}. group is optional; without it the component is ungrouped. A page lists "
            + "its components in the order they were created.")
    @ApiResponse(responseCode = "201", description = "The component was created")
    @ApiResponse(responseCode = "200", description = "The component was changed, or already was as requested")
    ResponseEntity<ComponentView> putComponent(@PathVariable String pageId, @PathVariable String componentId,
                                               @RequestBody ComponentRequest body) {
        requireId(pageId, "page");
        requireId(componentId, "component");
        new RequestCheck().text("name", body.name(), MAX_NAME).optionalText("group", body.group(), MAX_NAME).orThrow();
        String group = body.group() == null ? null : body.group().strip();
        boolean created;
        try {
            created = commands.sendAndWait(new DefineComponent(pageId, componentId, body.name().strip(), group));
        } catch (AggregateNotFoundException e) {
            throw CommandRejected.noSuchPage(pageId);
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ComponentView(componentId, pageId, body.name().strip(), group));
    }

    private static void requireId(String id, String kind) {
        if (!RequestCheck.ID.matcher(id).matches()) {
            throw RequestRefused.noSuchId(kind, id);
        }
    }
}
