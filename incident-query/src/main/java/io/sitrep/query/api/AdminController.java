package io.sitrep.query.api;

import io.sitrep.query.access.ApiKeyAccess;
import io.sitrep.query.readmodel.NotFound;
import io.sitrep.query.readmodel.Projection;
import io.sitrep.query.rebuild.Rebuilds;
import io.sitrep.support.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read models' state, and their rebuilds from the whole event history: needs a key with admin. */
@RestController
@RequestMapping(path = "/admin/projections", produces = "application/json")
@Tag(name = "Admin")
class AdminController {

    private final ApiKeyAccess access;
    private final Rebuilds rebuilds;

    AdminController(ApiKeyAccess access, Rebuilds rebuilds) {
        this.access = access;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Every read model and how it stands (scope admin)",
            description = "status-pages: pages, components, incidents and their entries; uptime: every status each "
                    + "entry gave a component (uptime and time travel read it). state is live, or rebuilding while a "
                    + "new copy is being filled from the whole event history (the current copy serves meanwhile). "
                    + "Live: position is the events the consumer group has applied (its committed offsets, summed "
                    + "over the topic's partitions), lag the events the topic holds beyond them, eventsPerSecond the "
                    + "group's rate over the last five seconds or more (null until measured), progress 100, "
                    + "secondsLeft null. Rebuilding: position is the events replayed into the new copy, lag those "
                    + "left to replay, eventsPerSecond the replay's rate, progress the share replayed (0-100), "
                    + "secondsLeft the time left at that rate. Every instance shows the same rebuild, whichever runs it.")
    List<Rebuilds.Status> projections(@Parameter(hidden = true)
                                      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                      String authorization) {
        access.require(authorization, Scope.ADMIN);
        return rebuilds.statuses();
    }

    @PostMapping("/{name}/rebuild")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Rebuild a read model from the whole event history (scope admin)",
            description = "Answers 202 at once: the event topic is replayed from its first record into a new copy "
                    + "while the current one keeps serving and taking new events, then the new copy takes its place "
                    + "in one transaction. It is done when GET /admin/projections shows it live again. 409 while it "
                    + "is being rebuilt already.")
    @ApiResponse(responseCode = "202", description = "The rebuild has begun; its state is rebuilding")
    @ApiResponse(responseCode = "409", description = "It is being rebuilt already, here or by another instance",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<Rebuilds.Status> rebuild(@PathVariable String name,
                                            @Parameter(hidden = true)
                                            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
                                            String authorization) {
        access.require(authorization, Scope.ADMIN);
        Projection projection = Projection.named(name).orElseThrow(() -> new NotFound("there is no read model "
                + name + "; there are " + Arrays.stream(Projection.values()).map(Projection::wireName)
                .collect(Collectors.joining(" and "))));
        rebuilds.start(projection);
        Rebuilds.Status status = rebuilds.statuses().stream().filter(each -> each.name().equals(name)).findFirst()
                .orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/admin/projections")).body(status);
    }
}
