package io.sitrep.bench;

/** How the requests of a phase were answered. */
record Counts(long ok, long conflict, long otherClientErrors, long unavailable, long otherServerErrors, long ioErrors) {

    long total() {
        return ok + conflict + otherClientErrors + unavailable + otherServerErrors + ioErrors;
    }

    long serverErrors() {
        return unavailable + otherServerErrors;
    }

    /** Everything but a 2xx, IO errors included, as a percentage of all requests. */
    double notOkPercent() {
        long total = total();
        return total == 0 ? 0 : 100.0 * (total - ok) / total;
    }
}
