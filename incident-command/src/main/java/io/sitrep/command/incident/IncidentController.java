package io.sitrep.command.incident;

import io.sitrep.command.CommandRejected;
import io.sitrep.command.Sha256;
import io.sitrep.command.idempotency.IdempotencyKey;
import io.sitrep.command.idempotency.IncidentCommandSender;
import io.sitrep.command.incident.IncidentCommands.IncidentWritten;
import io.sitrep.command.incident.IncidentCommands.OpenIncident;
import io.sitrep.command.incident.IncidentCommands.PostUpdate;
import io.sitrep.command.incident.IncidentCommands.PublishPostmortem;
import io.sitrep.command.incident.IncidentCommands.ResolveIncident;
import io.sitrep.command.incident.IncidentCommands.StartMonitoring;
import io.sitrep.command.security.ApiClient;
import io.sitrep.command.web.FieldError;
import io.sitrep.command.web.InvalidRequest;
import io.sitrep.command.web.RequestCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json", consumes = "application/json")
@Tag(name = "Incidents")
class IncidentController {

    /** Serializes a request the same way whatever its key order, to fingerprint it. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

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
                                         @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (!RequestCheck.ID.matcher(pageId).matches()) {
            throw CommandRejected.notFound("no page has the id " + pageId);
        }
        body.check();
        OpeningStatus status = body.status() == null ? OpeningStatus.INVESTIGATING : body.status();
        IncidentWritten written = sender.send(new OpenIncident(IncidentIds.newIncidentId(), pageId,
                IncidentIds.newUpdateId(), body.title().strip(), body.impact(), status, body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()),
                idempotency(client, key, "open " + pageId, body));
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
                                               @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(incidentId, client, key, "updates", body, version -> new PostUpdate(incidentId,
                version, IncidentIds.newUpdateId(), body.status(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()), ifMatch);
    }

    @PostMapping("/incidents/{incidentId}/monitoring")
    @Operation(summary = "Mark the incident monitoring", description = "A fix is in place; a second call is a 409.")
    @ApiResponse(responseCode = "200", description = "The incident is monitoring",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> monitoring(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.Entry body,
                                               @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(incidentId, client, key, "monitoring", body, version -> new StartMonitoring(
                incidentId, version, IncidentIds.newUpdateId(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()), ifMatch);
    }

    @PostMapping("/incidents/{incidentId}/resolve")
    @Operation(summary = "Resolve the incident", description = "Allowed from any unresolved status; components "
            + "the incident named that this call does not name go back to operational.")
    @ApiResponse(responseCode = "200", description = "The incident is resolved",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> resolve(@PathVariable String incidentId,
                                            @RequestBody IncidentRequests.Entry body,
                                            @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(incidentId, client, key, "resolve", body, version -> new ResolveIncident(
                incidentId, version, IncidentIds.newUpdateId(), body.message(),
                IncidentRequests.components(body.components()), body.occurredAt()), ifMatch);
    }

    @PostMapping("/incidents/{incidentId}/postmortem")
    @Operation(summary = "Publish the postmortem", description = "Markdown; only once the incident is resolved. "
            + "Publishing again revises it.")
    @ApiResponse(responseCode = "200", description = "The postmortem is published",
            headers = @Header(name = "ETag", description = "\"<version>\"", schema = @Schema(type = "string")))
    ResponseEntity<IncidentWritten> postmortem(@PathVariable String incidentId,
                                               @RequestBody IncidentRequests.Postmortem body,
                                               @Parameter(hidden = true) @AuthenticationPrincipal ApiClient client,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return change(incidentId, client, key, "postmortem", body,
                version -> new PublishPostmortem(incidentId, version, body.body(), body.occurredAt()), ifMatch);
    }

    /** The common path of every call on an existing incident. */
    private ResponseEntity<IncidentWritten> change(String incidentId, ApiClient client, String key, String call,
                                                   IncidentRequests.Body body, Function<Long, Object> command,
                                                   String ifMatch) {
        Supplier<CommandRejected> notFound = () -> CommandRejected.notFound("incident " + incidentId + " does not exist");
        if (!IncidentIds.INCIDENT.matcher(incidentId).matches()) {
            throw notFound.get();
        }
        body.check();
        IncidentWritten written;
        try {
            written = sender.send(command.apply(expectedVersion(ifMatch)),
                    idempotency(client, key, call + " " + incidentId, body));
        } catch (AggregateNotFoundException e) {
            throw notFound.get();
        }
        return ResponseEntity.ok().eTag(Long.toString(written.version())).body(written);
    }

    /**
     * The version an {@code If-Match} asks for: {@code "3"} (or {@code W/"3"}, or {@code 3});
     * {@code *} asks for none. Anything else can match no version: the precondition fails.
     */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new CommandRejected(CommandRejected.Reason.STALE_VERSION, "If-Match", "If-Match " + ifMatch
                    + " names no version of an incident; send the ETag of the last answer, such as \"3\"");
        }
    }

    private static IdempotencyKey idempotency(ApiClient client, String key, String call, Object body) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > IdempotencyKey.MAX_LENGTH) {
            throw new InvalidRequest(List.of(new FieldError("Idempotency-Key",
                    "must be 1 to " + IdempotencyKey.MAX_LENGTH + " characters long")));
        }
        String request = call + "\n" + CANONICAL.writeValueAsString(body);
        return new IdempotencyKey(client.keyHash(), key, Sha256.hex(request));
    }
}
