package io.sitrep.command.page;

import java.util.Optional;
import java.util.Set;

/** What the incident aggregate may know of pages: which exist, and their components. */
public interface PageCatalog {

    /** The ids of the page's components, or empty when the page does not exist. */
    Optional<Set<String>> componentsOf(String pageId);
}
