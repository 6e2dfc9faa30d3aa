package io.sitrep.command.config;

import io.sitrep.web.ProblemSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
        // Enums as named schemas (Impact, ComponentStatus, ...), so that generated clients name them too.
        ModelResolver.enumsAsRef = true;
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
        PROBLEMS.put("503", "The event store cannot be reached; retry after Retry-After with the same Idempotency-Key");
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

    /** Every operation's problem responses, once the document is generated (see {@link ProblemSchema}). */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            ProblemSchema.addTo(openApi);
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    PROBLEMS.forEach((status, description) ->
                            operation.getResponses().putIfAbsent(status, ProblemSchema.response(description)))));
        };
    }

}
