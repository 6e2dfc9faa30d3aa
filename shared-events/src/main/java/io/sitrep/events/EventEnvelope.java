package io.sitrep.events;

import java.time.Instant;

/**
 * One event as it travels on the topic: the event and the CloudEvents attributes around it.
 * {@code id} never changes on redelivery; {@code sequence} is the version of the event's aggregate
 * (the incident for incident events, the page for page and component events), counting from 1.
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant recordedAt,
                            long sequence, SitrepEvent event) {
}
