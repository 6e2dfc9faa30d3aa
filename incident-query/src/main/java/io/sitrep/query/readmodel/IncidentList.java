package io.sitrep.query.readmodel;

import java.util.List;

/** One page of a list of incidents; {@code nextCursor} is null on the last. */
public record IncidentList(List<IncidentView> items, String nextCursor) {
}
