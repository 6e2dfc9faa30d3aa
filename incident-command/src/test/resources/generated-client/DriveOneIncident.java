package io.sitrep.client.driver;

import io.sitrep.client.ApiClient;
import io.sitrep.client.ApiException;
import io.sitrep.client.api.IncidentsApi;
import io.sitrep.client.api.PagesAndComponentsApi;
import io.sitrep.client.model.ComponentRequest;
import io.sitrep.client.model.ComponentStatus;
import io.sitrep.client.model.Entry;
import io.sitrep.client.model.Impact;
import io.sitrep.client.model.IncidentWritten;
import io.sitrep.client.model.Open;
import io.sitrep.client.model.PageRequest;
import io.sitrep.client.model.Postmortem;
import io.sitrep.client.model.Update;
import io.sitrep.client.model.UpdateStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What a user of a Java client that openapi-generator made from the write API's document would
 * write: one page, one incident from open to postmortem, and one call the API refuses. Compiled by
 * GeneratedClientTest together with the client; answers what each call answered, one line each.
 */
public final class DriveOneIncident implements BiFunction<String, String, List<String>> {

    @Override
    public List<String> apply(String baseUri, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        PagesAndComponentsApi pages = new PagesAndComponentsApi(client);
        IncidentsApi incidents = new IncidentsApi(client);
        List<String> answers = new ArrayList<>();
        try {
            String pageId = "generated-client-" + Long.toHexString(System.nanoTime());
            answers.add("page " + pages.putPage(pageId,
                    new PageRequest().name("Olark Live Chat").timeZone("America/Los_Angeles")).getId());
            answers.add("component " + pages.putComponent(pageId, "chat",
                    new ComponentRequest().name("Chat").group("Live Chat")).getId());

            IncidentWritten opened = incidents.open(pageId, new Open().title("Incident Alerted").impact(Impact.MAJOR)
                    .message("We are investigating.").putComponentsItem("chat", ComponentStatus.MAJOR_OUTAGE), null);
            String incidentId = opened.getIncidentId();
            answers.add("opened " + incidentId + " at version " + opened.getVersion());
            IncidentWritten updated = incidents.postUpdate(incidentId, new Update().message("We found the cause.")
                    .status(UpdateStatus.IDENTIFIED), "update-of-" + pageId, "\"" + opened.getVersion() + "\"");
            answers.add("updated to version " + updated.getVersion());
            answers.add("monitoring at version " + incidents.monitoring(incidentId,
                    new Entry().message("A fix is in place.").putComponentsItem("chat", ComponentStatus.OPERATIONAL),
                    null, null).getVersion());
            answers.add("resolved at version " + incidents.resolve(incidentId,
                    new Entry().message("This incident has been resolved."), null, null).getVersion());
            answers.add("postmortem at version " + incidents.postmortem(incidentId,
                    new Postmortem().body("# What happened"), null, null).getVersion());
            try {
                incidents.monitoring(incidentId, new Entry().message("Again."), null, null);
                answers.add("monitoring again was accepted");
            } catch (ApiException refused) {
                answers.add("monitoring again refused with " + refused.getCode() + " "
                        + refused.getResponseHeaders().firstValue("Content-Type").orElse("no content type"));
            }
        } catch (ApiException failed) {
            answers.add("failed with " + failed.getCode() + ": " + failed.getResponseBody());
        }
        return answers;
    }
}
