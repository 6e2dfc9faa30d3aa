package io.sitrep.command.security;

import io.sitrep.command.web.ProblemWriter;
import io.sitrep.command.web.Problems;
import io.sitrep.support.ApiClient;
import io.sitrep.support.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api-key>}. A request without the header goes on
 * anonymously (and is refused later if the call needs a scope); a key that is not configured is
 * refused here with 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(ApiKeys keys, ProblemWriter problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClient> client = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (client.isEmpty()) {
            unauthenticated(response, problems, "the API key in the Authorization header is not valid");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(client.get(), null,
                client.get().scopes().stream().map(scope -> new SimpleGrantedAuthority(scope.authority())).toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    static void unauthenticated(HttpServletResponse response, ProblemWriter problems, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, detail));
    }
}
