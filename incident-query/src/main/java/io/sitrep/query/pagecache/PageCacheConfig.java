package io.sitrep.query.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class PageCacheConfig {

    /** Just outside the ETag filter (lowest precedence), so that kept answers carry their ETag. */
    @Bean
    FilterRegistrationBean<CachedPageReads> cachedPageReads(PageResponseCache cache, MeterRegistry meters) {
        FilterRegistrationBean<CachedPageReads> registration = new FilterRegistrationBean<>(new CachedPageReads(cache, meters));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return registration;
    }
}
