package io.sitrep.query.api;

import io.sitrep.query.readmodel.PastViews.Basis;
import io.sitrep.query.readmodel.PastViews.Moment;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query parameters as the read API reads them, each refused with a 400 that names it. */
final class Params {

    private Params() {
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(field, "must be an ISO-8601 instant such as 2024-11-25T16:23:00Z");
        }
    }

    /** The moment {@code asOf} or {@code knownAt} names; empty for now. */
    static Optional<Moment> moment(String asOf, String knownAt) {
        if (asOf != null && knownAt != null) {
            throw new BadRequest("knownAt", "cannot come with asOf: ask for one of them");
        }
        if (asOf != null) {
            return Optional.of(new Moment(instant("asOf", asOf), Basis.OCCURRED));
        }
        return Optional.ofNullable(knownAt).map(value -> new Moment(instant("knownAt", value), Basis.RECORDED));
    }
}
