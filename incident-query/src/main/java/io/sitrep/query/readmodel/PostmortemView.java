package io.sitrep.query.readmodel;

import java.time.Instant;

public record PostmortemView(String body, Instant publishedAt) {
}
