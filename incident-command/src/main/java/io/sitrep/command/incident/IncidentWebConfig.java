package io.sitrep.command.incident;

import io.sitrep.support.ApiClient;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every incident call its {@link IncidentCall}, read once from the request, and documents the
 * two headers it is read from on each operation that takes one.
 */
@Configuration
class IncidentWebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {

            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == IncidentCall.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                // The security filter chain lets no incident call through without an API key.
                ApiClient client = (ApiClient) ((Authentication) request.getUserPrincipal()).getPrincipal();
                return IncidentCall.of(client, request.getHeader(IncidentCall.IDEMPOTENCY_KEY),
                        request.getHeader(IncidentCall.IF_MATCH));
            }
        });
    }

    /** The headers of an {@link IncidentCall}: If-Match only on calls on an existing incident. */
    @Bean
    OperationCustomizer incidentCallHeaders() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters())
                    .noneMatch(parameter -> parameter.getParameterType() == IncidentCall.class)) {
                return operation;
            }
            operation.addParametersItem(new HeaderParameter().name(IncidentCall.IDEMPOTENCY_KEY).required(false)
                    .description("Up to 128 characters, scoped to the API key and kept at least 24 h: a repeat with "
                            + "the same key and body answers as the first did and changes nothing; the same key "
                            + "with another body is a 422.")
                    .schema(new StringSchema().maxLength(128)));
            PostMapping mapping = handler.getMethodAnnotation(PostMapping.class);
            if (mapping != null && Arrays.stream(mapping.value()).anyMatch(path -> path.contains("{incidentId}"))) {
                operation.addParametersItem(new HeaderParameter().name(IncidentCall.IF_MATCH).required(false)
                        .description("\"<version>\", the ETag of an earlier answer: the call is made only if the "
                                + "incident is still at that version (412 otherwise)")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }
}
