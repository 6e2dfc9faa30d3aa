package io.sitrep.query.config;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on every public read (pages, feeds, JSON), so the widgets, feed readers and caches that poll
 * a status page get a 304 instead of the same body again when nothing changed.
 */
@Configuration
class ConditionalGetConfig {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        // Every path: a page served at the root of its own host is at "/", "/history", ... too.
        registration.addUrlPatterns("/*");
        return registration;
    }
}
