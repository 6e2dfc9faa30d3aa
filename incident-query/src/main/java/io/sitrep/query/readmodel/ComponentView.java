package io.sitrep.query.readmodel;

import io.sitrep.events.ComponentStatus;
import java.time.Instant;

/** A component of a page; {@code group} is null for an ungrouped one. */
public record ComponentView(String id, String name, String group, ComponentStatus status, int position,
                            Instant createdAt, Instant updatedAt) {
}
