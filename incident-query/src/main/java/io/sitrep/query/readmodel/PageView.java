package io.sitrep.query.readmodel;

import java.time.Instant;

public record PageView(String id, String name, String timeZone, Instant createdAt, Instant updatedAt) {
}
