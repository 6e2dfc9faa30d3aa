package io.sitrep.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem (RFC 9457) in both services' OpenAPI documents: one schema, and the responses that
 * refer to it. Added to a document once springdoc has generated it (in an {@code
 * OpenApiCustomizer}): springdoc builds the components' schemas from the code and drops any set
 * before, which would leave every reference to it dangling.
 */
public final class ProblemSchema {

    private static final String NAME = "Problem";

    private ProblemSchema() {
    }

    /** Defines the schema in the document. */
    public static void addTo(OpenAPI document) {
        document.getComponents().addSchemas(NAME, new Schema<>().type("object")
                .description("A problem (RFC 9457), as application/problem+json")
                .addProperty("type", new Schema<>().type("string").format("uri")
                        .description("The kind of problem, a URN such as urn:sitrep:problem:stale-version"))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string").description("What is wrong, and what to fix"))
                .addProperty("errors", new Schema<>().type("array")
                        .description("For 400: each field at fault and what it must be")
                        .items(new Schema<>().type("object")
                                .addProperty("field", new Schema<>().type("string"))
                                .addProperty("message", new Schema<>().type("string")))));
    }

    /** A response with this description whose body is the problem. */
    public static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME))));
    }
}
