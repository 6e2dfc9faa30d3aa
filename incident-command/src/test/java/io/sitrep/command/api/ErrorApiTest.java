package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error status of the contract: a problem+json that names what is wrong, and nothing stored. */
class ErrorApiTest extends ApiTestSupport {

    // 400

    @Test
    void malformedJsonIsABadRequest() {
        String pageId = newPage();
        problem(api.post("/api/v1/pages/" + pageId + "/incidents", "{\"title\":"), 400, "malformed-request");
        problem(api.post("/api/v1/pages/" + pageId + "/incidents", "{} trailing"), 400, null);
    }

    @Test
    void aMissingOrEmptyFieldIsNamed() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"","impact":"minor"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactlyInAnyOrder("title", "message");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":42,"impact":"minor","message":"m"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("title");
        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","occurredAt":"yesterday"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("occurredAt");
        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","components":["chat"]}"""), 400, "invalid-request");
        assertThat(problem.get("detail").asString())
                .isEqualTo("components must be an object of component ids to statuses");
    }

    @Test
    void aPathTheServerCannotReadIsAProblemToo() {
        for (String path : java.util.List.of("/api/v1/pages/..%2F..%2Fx", "/api/v1/pages/a%00b", "/api/v1/pages/a%5Cb")) {
            JsonNode problem = problem(api.put(path, "{\"name\":\"X\",\"timeZone\":\"UTC\"}"), 400,
                    "malformed-request");
            assertThat(problem.get("detail").asString()).contains("No id in a path holds '/', '\\' or NUL");
        }
    }

    @Test
    void anEmptyStringIsNotAnAbsentValue() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","occurredAt":""}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("occurredAt");
        assertThat(problem.get("detail").asString()).contains("ISO-8601 instant");
        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","status":""}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("status");
    }

    @Test
    void anUnknownEnumValueIsNamedWithTheValuesAllowed() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"catastrophic","message":"m"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("impact");
        assertThat(problem.get("detail").asString()).contains("none, minor, major, critical");

        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","status":"resolved"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("status");

        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","components":{"chat":"on_fire"}}"""), 400,
                "invalid-request");
        assertThat(fields(problem)).containsExactly("components.chat");
    }

    @Test
    void anUpdateCannotSetMonitoringOrResolved() {
        String incidentId = openIncident(newPage());
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", """
                {"message":"m","status":"monitoring"}"""), 400, "invalid-request");
        assertThat(sequenceNumbers(incidentId)).hasSize(1);
    }

    @Test
    void anUnknownFieldIsNamed() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","stauts":"identified"}"""), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("stauts");
    }

    @Test
    void limitsCountCodePointsNotUtf16Units() {
        String pageId = newPage();
        String twoHundredEmoji = "\uD83D\uDD25".repeat(200);
        expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"" + twoHundredEmoji + "\",\"impact\":\"minor\",\"message\":\"m\"}"), 201);
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"" + "t".repeat(201) + "\",\"impact\":\"minor\",\"message\":\"m\"}"), 400,
                "invalid-request");
        assertThat(fields(problem)).containsExactly("title");
        problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"t\",\"impact\":\"minor\",\"message\":\"" + "m".repeat(10_001) + "\"}"), 400,
                "invalid-request");
        assertThat(fields(problem)).containsExactly("message");
    }

    @Test
    void textNoPageCouldShowIsABadRequest() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"nul\\u0000byte\",\"impact\":\"minor\",\"message\":\"lone \\ud800 surrogate\"}"),
                400, "invalid-request");
        assertThat(fields(problem)).containsExactlyInAnyOrder("title", "message");
        expect(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"paired \\ud83d\\udd25 surrogates\",\"impact\":\"minor\",\"message\":\"m\"}"), 201);
    }

    @Test
    void anOccurredAtBefore1970IsABadRequest() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","occurredAt":"1969-12-31T23:59:59Z"}"""), 400,
                "invalid-request");
        assertThat(fields(problem)).containsExactly("occurredAt");
    }

    @Test
    void aPostmortemMayBeLongerThanAMessageButNotUnbounded() {
        String incidentId = openIncident(newPage());
        expect(api.post("/api/v1/incidents/" + incidentId + "/resolve", "{\"message\":\"done\"}"), 200);
        expect(api.post("/api/v1/incidents/" + incidentId + "/postmortem",
                "{\"body\":\"" + "p".repeat(100_000) + "\"}"), 200);
        JsonNode problem = problem(api.post("/api/v1/incidents/" + incidentId + "/postmortem",
                "{\"body\":\"" + "p".repeat(100_001) + "\"}"), 400, "invalid-request");
        assertThat(fields(problem)).containsExactly("body");
    }

    @Test
    void aComponentIdInTheBodyThatBreaksThePatternIsABadRequest() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","components":{"Chat!":"major_outage"}}"""), 400,
                "invalid-request");
        assertThat(fields(problem)).containsExactly("components.Chat!");
    }

    @Test
    void moreThan100ComponentsInOneRequestIsABadRequest() {
        String pageId = newPage();
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            components.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":\"major_outage\"");
        }
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"t\",\"impact\":\"minor\",\"message\":\"m\",\"components\":{" + components + "}}"),
                400, "invalid-request");
        assertThat(fields(problem)).containsExactly("components");
    }

    @Test
    void anOverlongIdempotencyKeyIsABadRequest() {
        String pageId = newPage();
        problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m"}""", "Idempotency-Key", "k".repeat(129)), 400,
                "invalid-request");
    }

    // 401, 403

    @Test
    void aWriteWithoutAKeyIsUnauthenticated() {
        HttpApi anonymous = api.as(null);
        HttpApi.Answer answer = anonymous.put("/api/v1/pages/anon", "{\"name\":\"x\",\"timeZone\":\"UTC\"}");
        problem(answer, 401, "unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void aWriteWithAnUnknownKeyIsUnauthenticated() {
        problem(api.as("not-a-key").put("/api/v1/pages/anon", "{\"name\":\"x\",\"timeZone\":\"UTC\"}"), 401,
                "unauthenticated");
    }

    @Test
    void aKeyWithoutTheScopeIsForbidden() {
        String pageId = newPage();
        problem(api.as(PAGES_ONLY_KEY).post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m"}"""), 403, "forbidden");
        problem(api.as(OTHER_KEY).put("/api/v1/pages/" + pageId, "{\"name\":\"x\",\"timeZone\":\"UTC\"}"), 403,
                "forbidden");
    }

    // 404

    @Test
    void anIncidentOnAPageThatDoesNotExistIsNotFound() {
        problem(api.post("/api/v1/pages/no-such-page/incidents", """
                {"title":"t","impact":"minor","message":"m"}"""), 404, "not-found");
        problem(api.post("/api/v1/pages/No_Such_Page/incidents", """
                {"title":"t","impact":"minor","message":"m"}"""), 404, "not-found");
    }

    @Test
    void anIncidentThatDoesNotExistIsNotFound() {
        problem(api.post("/api/v1/incidents/inc_aaaaaaaaaaaaaaaa/updates", "{\"message\":\"m\"}"), 404, "not-found");
        problem(api.post("/api/v1/incidents/not-an-incident-id/resolve", "{\"message\":\"m\"}"), 404, "not-found");
    }

    // 409, 412

    @Test
    void markingMonitoringTwiceIsAConflict() {
        String incidentId = openIncident(newPage());
        expect(api.post("/api/v1/incidents/" + incidentId + "/monitoring", "{\"message\":\"fixed\"}"), 200);
        problem(api.post("/api/v1/incidents/" + incidentId + "/monitoring", "{\"message\":\"again\"}"), 409,
                "illegal-transition");
        assertThat(sequenceNumbers(incidentId)).hasSize(2);
    }

    @Test
    void anythingButAPostmortemAfterResolutionIsAConflict() {
        String incidentId = openIncident(newPage());
        expect(api.post("/api/v1/incidents/" + incidentId + "/resolve", "{\"message\":\"fixed\"}"), 200);
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"m\"}"), 409,
                "illegal-transition");
        problem(api.post("/api/v1/incidents/" + incidentId + "/resolve", "{\"message\":\"m\"}"), 409,
                "illegal-transition");
    }

    @Test
    void aPostmortemBeforeResolutionIsAConflict() {
        String incidentId = openIncident(newPage());
        problem(api.post("/api/v1/incidents/" + incidentId + "/postmortem", "{\"body\":\"b\"}"), 409,
                "illegal-transition");
    }

    @Test
    void aStaleIfMatchFailsThePrecondition() {
        String incidentId = openIncident(newPage());
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"one\"}", "If-Match", "\"1\""),
                200);
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"two\"}", "If-Match", "\"1\""),
                412, "stale-version");
        assertThat(sequenceNumbers(incidentId)).hasSize(2);
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"two\"}", "If-Match", "abc"),
                412, "stale-version");
        expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"two\"}", "If-Match", "*"), 200);
    }

    // 413, 415

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String pageId = newPage();
        byte[] huge = ("{\"title\":\"t\",\"impact\":\"minor\",\"message\":\"" + "m".repeat(1024 * 1024) + "\"}")
                .getBytes();
        problem(api.post("/api/v1/pages/" + pageId + "/incidents", new String(huge)), 413, "payload-too-large");
        problem(api.postChunked("/api/v1/pages/" + pageId + "/incidents", huge), 413, "payload-too-large");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        String pageId = newPage();
        problem(api.send("POST", "/api/v1/pages/" + pageId + "/incidents", BodyPublishers.ofString("title=t"),
                "text/plain"), 415, "unsupported-media-type");
    }

    // 422

    @Test
    void anOccurredAtMoreThanAMinuteAheadIsUnprocessable() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents",
                "{\"title\":\"t\",\"impact\":\"minor\",\"message\":\"m\",\"occurredAt\":\""
                        + Instant.now().plusSeconds(300) + "\"}"), 422, "unprocessable");
        assertThat(fields(problem)).containsExactly("occurredAt");
    }

    @Test
    void anOccurredAtBeforeThePreviousEntryIsUnprocessable() {
        String pageId = newPage();
        String incidentId = expect(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","occurredAt":"2024-11-25T16:23:00Z"}"""), 201)
                .json().get("incidentId").asString();
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", """
                {"message":"m","occurredAt":"2024-11-25T16:22:59Z"}"""), 422, "unprocessable");
    }

    @Test
    void aComponentThePageLacksIsUnprocessable() {
        String pageId = newPage();
        JsonNode problem = problem(api.post("/api/v1/pages/" + pageId + "/incidents", """
                {"title":"t","impact":"minor","message":"m","components":{"billing":"major_outage"}}"""), 422,
                "unprocessable");
        assertThat(fields(problem)).containsExactly("components.billing");
    }

    @Test
    void theThousandAndFirstUpdateIsUnprocessable() {
        String incidentId = openIncident(newPage());
        for (int i = 2; i <= 1000; i++) {
            expect(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"update " + i + "\"}"), 200);
        }
        problem(api.post("/api/v1/incidents/" + incidentId + "/updates", "{\"message\":\"one too many\"}"), 422,
                "unprocessable");
        assertThat(sequenceNumbers(incidentId)).hasSize(1000);
        // So long an incident is loaded from a snapshot, not replayed from its first event.
        assertThat(jdbc.sql("select count(*) from snapshot_event_entry where aggregate_identifier = ?")
                .param(incidentId).query(Long.class).single()).isEqualTo(1);
    }

    private static JsonNode problem(HttpApi.Answer answer, int status, String kind) {
        expect(answer, status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).as(answer.toString()).isNotBlank();
        if (kind != null) {
            assertThat(String.valueOf(problem.get("type"))).as(answer.toString()).isEqualTo("\"urn:sitrep:problem:" + kind + "\"");
        }
        return problem;
    }

    private static java.util.List<String> fields(JsonNode problem) {
        assertThat(problem.has("errors")).as(problem.toString()).isTrue();
        return Arrays.stream(problem.get("errors").valueStream().toArray(JsonNode[]::new))
                .map(error -> error.get("field").asString())
                .toList();
    }
}
