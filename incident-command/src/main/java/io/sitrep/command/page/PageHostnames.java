package io.sitrep.command.page;

import java.util.Optional;

/** Which page has a hostname: what a page must know of the others to keep its hostname its own. */
interface PageHostnames {

    /** The page that has this hostname, if any. */
    Optional<String> pageWithHostname(String hostname);
}
