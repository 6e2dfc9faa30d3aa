package io.sitrep.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sitrep.query.readmodel.Projection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Each read model's standing as gauges: {@code sitrep.projection.lag} (events on the topic it has
 * not applied yet: the live consumer group's, or a rebuild's) and {@code sitrep.projection.rebuild.progress}
 * (percent; 100 when live). Read from {@link Rebuilds#statuses()} at most once a second, since each
 * reading asks the database and Kafka.
 */
@Component
class ProjectionMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final Rebuilds rebuilds;
    private List<Rebuilds.Status> statuses = List.of();
    private long readAt;

    ProjectionMetrics(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Projection projection : Projection.values()) {
            String name = projection.wireName();
            Gauge.builder("sitrep.projection.lag", () -> figure(name, status -> status.lag() == null ? Double.NaN : status.lag()))
                    .baseUnit("events").tag("projection", name)
                    .description("Events on the topic the read model has not applied yet (live or rebuilding)")
                    .register(meters);
            Gauge.builder("sitrep.projection.rebuild.progress", () -> figure(name, Rebuilds.Status::progress))
                    .baseUnit("percent").tag("projection", name)
                    .description("How far the read model's rebuild has come; 100 when it is live")
                    .register(meters);
        }
    }

    private synchronized double figure(String projection, ToDoubleFunction<Rebuilds.Status> figure) {
        if (System.nanoTime() - readAt > FRESH.toNanos()) {
            statuses = rebuilds.statuses();
            readAt = System.nanoTime();
        }
        return statuses.stream().filter(status -> Objects.equals(status.name(), projection)).findFirst()
                .map(figure::applyAsDouble).orElse(Double.NaN);
    }
}
