package io.sitrep.query.config;

import io.sitrep.web.ProblemSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the read side: the read API, the Statuspage-compatible JSON and the
 * feeds. Every operation is public (it says so: {@code security: []}) but those that name the API
 * key scheme, and each documents the problems it can answer with.
 */
@Configuration
class OpenApiConfig {

    /** The API key scheme, which the operations that need a key name in their @SecurityRequirement. */
    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI sitrepReadOpenApi() {
        return new OpenAPI().info(new Info().title("Sitrep read API").version("v1")
                        .description("Status pages as data: summaries and incidents, uptime, the Statuspage-compatible "
                                + "JSON and the incident history feeds, all public; analytics, which need an API "
                                + "key with analytics:read; and the read models' administration, which needs admin."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <api-key> (or HTTP Basic with the key as password)")));
    }

    @Bean
    OpenApiCustomizer publicOperationsAndTheirProblems() {
        return openApi -> {
            ProblemSchema.addTo(openApi);
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    operation.setSecurity(List.of());
                } else {
                    operation.getResponses().putIfAbsent("401",
                            ProblemSchema.response("No API key, or an unknown one"));
                    operation.getResponses().putIfAbsent("403", ProblemSchema.response("The API key lacks the scope"));
                }
                if (path.contains("{")) {
                    operation.getResponses().putIfAbsent("404",
                            ProblemSchema.response("What the path names (a page, an incident, a read model) does not exist"));
                }
                if (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
                    operation.getResponses().putIfAbsent("400", ProblemSchema.response(
                            "A query parameter is wrong: a status filter, limit, days or minVersion out of range, a "
                                    + "cursor this API did not hand out, or a from or to that is not an instant"));
                }
            }));
        };
    }
}
