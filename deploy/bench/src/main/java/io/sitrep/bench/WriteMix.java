package io.sitrep.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The writes of the benchmark: 30 % new incidents on a random page, 70 % plain updates (no status
 * change, no If-Match) to the seeded incidents in turn, so that concurrent writes rarely meet on
 * one incident. Messages are about 200 characters, as a real update's.
 */
final class WriteMix implements Supplier<Request> {

    static final String MESSAGE = ("We are investigating elevated error rates and slower responses for some customers. "
            + "Our engineers are working on it and we will post another update within the next 30 minutes. "
            + "Thank you for your patience.");
    private static final double OPEN_SHARE = 0.3;

    private final List<String> pages;
    private final List<String> seededIncidents;
    private final AtomicInteger nextIncident = new AtomicInteger();

    WriteMix(List<String> pages, List<String> seededIncidents) {
        this.pages = pages;
        this.seededIncidents = seededIncidents;
    }

    @Override
    public Request get() {
        return ThreadLocalRandom.current().nextDouble() < OPEN_SHARE ? open() : update();
    }

    /** Opens an incident on a random page. */
    Request open() {
        return open(pages.get(ThreadLocalRandom.current().nextInt(pages.size())));
    }

    /** A plain update to the next seeded incident. */
    Request update() {
        return update(seededIncidents.get(Math.floorMod(nextIncident.getAndIncrement(), seededIncidents.size())));
    }

    static Request update(String incident) {
        return Request.post("/api/v1/incidents/" + incident + "/updates", "{\"message\":\"" + MESSAGE + "\"}");
    }

    static Request open(String page) {
        return Request.post("/api/v1/pages/" + page + "/incidents",
                "{\"title\":\"Elevated error rates\",\"impact\":\"minor\",\"message\":\"" + MESSAGE
                        + "\",\"components\":{\"c1\":\"degraded_performance\"}}");
    }
}
