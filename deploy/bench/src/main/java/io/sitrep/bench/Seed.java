package io.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The data the benchmark works on: pages with components, and incidents open on them. */
final class Seed {

    static final int PAGES = 20;
    static final int COMPONENTS_PER_PAGE = 5;
    static final int INCIDENTS = 2_000;
    /**
     * The page the read phases read: as a status page is while one thing is wrong, its components
     * and two unresolved incidents with an update each (about 2 KB), written by nobody else.
     */
    static final String QUIET_PAGE = "bench-quiet";
    static final int QUIET_INCIDENTS = 2;

    /** The seeded pages' ids and incidents' ids, and how the incidents' opens were answered. */
    record Seeded(List<String> pages, List<String> incidents, Counts counts) {
    }

    private Seed() {
    }

    /** Seeds through the write API. */
    static Seeded run(URI command, int connections) {
        List<String> pages = new ArrayList<>();
        // One at a time: a page's components are numbered by the page, so concurrent PUTs would race.
        try (HttpConnection connection = new HttpConnection(command)) {
            for (int p = 1; p <= PAGES; p++) {
                String page = String.format("bench-%02d", p);
                definePage(connection, page, String.format("Bench %02d", p));
                pages.add(page);
            }
            definePage(connection, QUIET_PAGE, "Bench quiet");
            for (int i = 0; i < QUIET_INCIDENTS; i++) {
                Response opened = require(connection, WriteMix.open(QUIET_PAGE));
                require(connection, WriteMix.update(Written.of(opened).incidentId()));
            }
        }
        List<String> incidents = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger opened = new AtomicInteger();
        Load.Result result = Load.run("seed: incidents", command, connections, Pacing.requests(INCIDENTS),
                () -> WriteMix.open(pages.get(opened.getAndIncrement() % PAGES)),
                response -> incidents.add(Written.of(response).incidentId()));
        if (incidents.size() != INCIDENTS) {
            throw new IllegalStateException("Seeding opened " + incidents.size() + " of " + INCIDENTS
                    + " incidents: " + result.counts());
        }
        return new Seeded(List.copyOf(pages), List.copyOf(incidents), result.counts());
    }

    private static void definePage(HttpConnection connection, String page, String name) {
        require(connection, Request.put("/api/v1/pages/" + page, "{\"name\":\"" + name + "\",\"timeZone\":\"UTC\"}"));
        for (int c = 1; c <= COMPONENTS_PER_PAGE; c++) {
            require(connection, Request.put("/api/v1/pages/" + page + "/components/c" + c, "{\"name\":\"C" + c + "\"}"));
        }
    }

    private static Response require(HttpConnection connection, Request request) {
        try {
            Response response = connection.send(request);
            if (!response.ok()) {
                throw new IllegalStateException(request.method() + " " + request.path() + " answered "
                        + response.status() + ": " + response.text());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.path() + " failed", e);
        }
    }
}
