package io.sitrep.query.links;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class CustomDomainsConfig {

    /** Before every filter that reads the path (the page cache, ETags), so that they see the page's. */
    @Bean
    FilterRegistrationBean<CustomDomains> customDomains(PageHostnames hostnames) {
        FilterRegistrationBean<CustomDomains> registration = new FilterRegistrationBean<>(new CustomDomains(hostnames));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
