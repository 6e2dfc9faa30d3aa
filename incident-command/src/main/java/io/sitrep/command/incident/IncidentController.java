package io.sitrep.command.incident;

import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.IncidentCommands.PublishPostmortem;
import io.sitrep.command.incident.IncidentCommands.ResolveIncident;
import io.sitrep.command.incident.IncidentCommands.StartMonitoring;
import io.sitrep.command.web.RequestCheck;
import io.sitrep.command.web.RequestRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json", consumes = "application/json")
@Tag(name = "Incidents")
class IncidentController {

    private final IncidentCommandSender sender;

    IncidentController(IncidentCommandSender sender) {
        this.sender = sender;
    }

    @PostMapping("/pages/{pageId}/incidents")
    @Operation(summary = "Open an incident", description = "status: investigating (default), identified or "
            + "monitoring. components maps component ids of the page to their status. occurredAt backdates the "
            + "entry; it may not lie more than 60 s in the future.")
    @ApiResponse(responseCode = "201", description = "The incident was opened",
            headers = {@Header(name = "Location", description = "/api/v1/incidents/{incidentId}",
                    schema = @Schema(type = "string")),
                    @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string"))})
    ResponseEntity<IncidentWritten> open(@PathVariable String pageId, @RequestBody IncidentRequests.Open body,
                                         @Parameter(hidden = true) IncidentCall call) {
        if (!RequestCheck.ID.matcher(pageId).matches()) {
            throw RequestRefused.noSuchId("page", pageId);
        }
        body.check();
        OpeningStatus status = body.status() == null ? OpeningStatus.INVESTIGATING : body.status();
        IncidentWritten written = sender.send(new OpenIncident(IncidentIds.newIncidentId(), pageId,
                IncidentIds.newUpdateId(), body.title().strip(), body.impact(), status, body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()),
                call.idempotency("open " + pageId, body));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + written.incidentId()))
                .eTag(Long.toString(written.version()))
                .body(written);
    }

    @PostMapping("/incidents/{incidentId}/updates")
    @Operation(summary = "Post an update", description = "status: investigating or identified; without it the "
            + "update is shown as \"Update\" and the status stays. Also takes a monitoring incident back.")
    @ApiResponse(responseCode = "200", description = "The update was posted",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> postUpdate(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.Update body,
                                               @Parameter(hidden = true) IncidentCall call) {
        return change(incidentId, call, "updates", body, version -> new PostUpdate(incidentId,
                version, IncidentIds.newUpdateId(), body.status(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()));
    }

    @PostMapping("/incidents/{incidentId}/monitoring")
    @Operation(summary = "Mark the incident monitoring", description = "A fix is in place; a second call is a 409.")
    @ApiResponse(responseCode = "200", description = "The incident is monitoring",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> monitoring(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.Entry body,
                                               @Parameter(hidden = true) IncidentCall call) {
        return change(incidentId, call, "monitoring", body, version -> new StartMonitoring(
                incidentId, version, IncidentIds.newUpdateId(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()));
    }

    @PostMapping("/incidents/{incidentId}/resolve")
    @Operation(summary = "Resolve the incident", description = "Allowed from any unresolved status; components "
            + "the incident named that this call does not name go back to operational.")
    @ApiResponse(responseCode = "200", description = "The incident is resolved",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> resolve(@PathVariable String incidentId,
                                            @RequestBody IncidentRequests.Entry body,
                                            @Parameter(hidden = true) IncidentCall call) {
        return change(incidentId, call, "resolve", body, version -> new ResolveIncident(
                incidentId, version, IncidentIds.newUpdateId(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()));
    }

    @PostMapping("/incidents/{incidentId}/postmortem")
    @Operation(summary = "Publish the postmortem", description = "Markdown; only once the incident is resolved. "
            + "Publishing again revises it.")
    @ApiResponse(responseCode = "200", description = "The postmortem is published",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> postmortem(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.Postmortem body,
                                               @Parameter(hidden = true) IncidentCall call) {
        return change(incidentId, call, "postmortem", body,
                version -> new PublishPostmortem(incidentId, version, body.body(), body.occurredAt()));
    }

    /** The common path of every call on an existing incident. */
    private ResponseEntity<IncidentWritten> change(String incidentId, IncidentCall call, String name,
                                                   IncidentRequests.Body body, Function<Long, Object> command) {
        if (!IncidentIds.INCIDENT.matcher(incidentId).matches()) {
            throw noSuchIncident(incidentId);
        }
        body.check();
        IncidentWritten written;
        try {
            written = sender.send(command.apply(call.expectedVersion()),
                    call.idempotency(name + " " + incidentId, body));
        } catch (AggregateNotFoundException e) {
            throw noSuchIncident(incidentId);
        }
        return ResponseEntity.ok().eTag(Long.toString(written.version())).body(written);
    }

    private static RequestRefused noSuchIncident(String incidentId) {
        return new RequestRefused(HttpStatus.NOT_FOUND, "incident " + incidentId + " does not exist");
    }
}
