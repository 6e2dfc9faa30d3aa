package io.sitrep.command.security;

import io.sitrep.command.web.ProblemWriter;
import io.sitrep.command.web.Problems;
import io.sitrep.support.ApiKeys;
import io.sitrep.support.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what: page definitions need {@code pages:write}, incident commands
 * {@code incidents:write}; health, metrics and the API documentation are open.
 */
@Configuration
class SecurityConfig {

    @Bean
    ApiKeys apiKeys(@Value("${sitrep.api-keys:}") String spec) {
        return ApiKeys.parse(spec);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, ProblemWriter problems,
                                            @Value("${sitrep.rate-limit:0}") double rateLimit) throws Exception {
        var authentication = new ApiKeyAuthenticationFilter(keys, problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.PUT, "/api/v1/pages/**")
                        .hasAuthority(Scope.PAGES_WRITE.authority())
                        .requestMatchers(HttpMethod.POST, "/api/v1/pages/*/incidents", "/api/v1/incidents/**")
                        .hasAuthority(Scope.INCIDENTS_WRITE.authority())
                        .anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> ApiKeyAuthenticationFilter
                                .unauthenticated(response, problems,
                                        "this call needs an API key: send Authorization: Bearer <api-key>"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                Problems.of(HttpStatus.FORBIDDEN, "this API key lacks the scope this call needs: pages:write to define pages and "
                                        + "components, incidents:write for incidents"))));
        if (rateLimit > 0) {
            http.addFilterAfter(new RateLimitFilter(new RateLimiter(rateLimit, System::nanoTime), problems),
                    ApiKeyAuthenticationFilter.class);
        }
        return http.build();
    }
}
