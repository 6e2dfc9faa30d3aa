package io.sitrep.query.config;

import io.sitrep.web.ProblemSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the public read side: the read API, the Statuspage-compatible JSON and
 * the feeds. Every operation is public (it says so: {@code security: []}) and documents the
 * problems it can answer with.
 */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI sitrepReadOpenApi() {
        return new OpenAPI().info(new Info().title("Sitrep read API").version("v1")
                .description("Status pages as data: summaries and incidents, the Statuspage-compatible JSON and "
                        + "the incident history feeds. Public: no API key."));
    }

    @Bean
    OpenApiCustomizer publicOperationsAndTheirProblems() {
        return openApi -> {
            ProblemSchema.addTo(openApi);
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                operation.setSecurity(List.of());
                operation.getResponses().putIfAbsent("404",
                        ProblemSchema.response("The page or incident in the path does not exist"));
                if (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
                    operation.getResponses().putIfAbsent("400", ProblemSchema.response(
                            "A query parameter is wrong: a status filter, limit or minVersion out of range, or a "
                                    + "cursor this API did not hand out"));
                }
            }));
        };
    }
}
