package io.sitrep.command.page;

import io.sitrep.events.PageEvent.ComponentDefined;
import io.sitrep.events.PageEvent.PageDefined;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The command side's own record of pages and components. Its processing group is subscribing
 * (application.properties), so it is written in the same transaction as the page's events and
 * an incident command never sees a page that is not committed, nor misses one that is.
 */
@Component
@ProcessingGroup(PageDirectory.PROCESSING_GROUP)
class PageDirectory implements PageCatalog, PageHostnames {

    static final String PROCESSING_GROUP = "page-directory";

    private final JdbcClient jdbc;

    PageDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PageDefined event) {
        jdbc.sql("""
                        insert into page_directory (page_id, hostname) values (?, ?)
                        on conflict (page_id) do update set hostname = excluded.hostname""")
                .params(event.pageId(), event.hostname())
                .update();
    }

    @EventHandler
    void on(ComponentDefined event) {
        jdbc.sql("insert into page_component (page_id, component_id) values (?, ?) on conflict do nothing")
                .params(event.pageId(), event.componentId())
                .update();
    }

    @Override
    public Optional<Set<String>> componentsOf(String pageId) {
        List<String> rows = jdbc.sql("""
                        select c.component_id from page_directory p
                        left join page_component c on c.page_id = p.page_id
                        where p.page_id = ?""")
                .param(pageId)
                .query(String.class)
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> components = new HashSet<>(rows);
        components.remove(null);
        return Optional.of(components);
    }

    @Override
    public Optional<String> pageWithHostname(String hostname) {
        return jdbc.sql("select page_id from page_directory where hostname = ?")
                .param(hostname)
                .query(String.class)
                .optional();
    }
}
