package io.sitrep.command.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: the API key scheme, and the problems every write call can answer with,
 * described once here rather than on each operation.
 */
@Configuration
class OpenApiConfig {

    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "The request is wrong: malformed JSON, a wrong type, a missing or empty field, a value "
                + "over its limit, an unknown enum value or zone; `errors` lists the fields");
        PROBLEMS.put("401", "No API key, or an unknown one");
        PROBLEMS.put("403", "The API key lacks the scope");
        PROBLEMS.put("404", "The page, incident or component in the path does not exist");
        PROBLEMS.put("409", "Not allowed in the incident's status, or a concurrent change");
        PROBLEMS.put("412", "If-Match names a version that is not the current one");
        PROBLEMS.put("413", "The body is over 1 MiB");
        PROBLEMS.put("415", "The body is not JSON");
        PROBLEMS.put("422", "Contradicts what is stored: occurredAt in the future or before the previous entry, "
                + "an unknown component, a reused Idempotency-Key, the 1,001st update");
        PROBLEMS.put("429", "Over the API key's rate limit; see Retry-After");
        PROBLEMS.put("503", "The event store cannot be reached; nothing changed; see Retry-After");
    }

    @Bean
    OpenAPI sitrepOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Sitrep write API").version("v1")
                        .description("Open, update, resolve and write up incidents on status pages. "
                                + "A 2xx means the change is durably committed to the event store."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Authorization: Bearer <api-key>")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /**
     * The Problem schema and every operation's problem responses. Added once the document is
     * generated: springdoc builds the components' schemas from the code and would drop one defined
     * on the bean above, leaving every reference to it dangling.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", new Schema<>().type("object")
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
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    PROBLEMS.forEach((status, description) -> operation.getResponses().putIfAbsent(status,
                            new ApiResponse().description(description).content(new Content().addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))))));
        };
    }

}
