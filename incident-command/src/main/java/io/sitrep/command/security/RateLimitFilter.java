package io.sitrep.command.security;

import io.sitrep.command.web.ProblemWriter;
import io.sitrep.command.web.Problems;
import io.sitrep.support.ApiClient;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Applies {@link RateLimiter} to the writes of each authenticated API key: 429 with Retry-After. */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ProblemWriter problems;

    RateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiClient client) {
            OptionalLong wait = limiter.acquire(client.keyHash());
            if (wait.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
                problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                        "this API key is over its rate limit; retry after " + wait.getAsLong() + " s"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
