package io.sitrep.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, phase by phase.
 *
 * @param history the history stored before the measured phases; null when none was (no --stored)
 * @param rebuild the long history on the topic, time travel into it and the rebuilds; null when
 *                there was no such phase (--rebuild=0)
 */
record Results(
        Ceilings ceilings,
        Counts seed,
        CatchUp.Result history,
        LagProbes.Result idleLag,
        Load.Result saturation,
        List<Step> steps,
        LagProbes.Result halfLoadLag,
        Load.Result readsBackgroundWrites,
        List<Read> reads,
        CatchUp.Result catchUp,
        RebuildPhase.Result rebuild,
        Map<String, Long> maxRssMegabytes) {

    static final String HALF_LOAD = "50 %";

    /** The same machine's limits, measured in the same run. */
    record Ceilings(double jdbcAppendsPerSecond, Load.Result liveness, KafkaCeiling.Result kafka) {
    }

    /** An open-loop write run at a share of the saturation rate. */
    record Step(String share, double targetPerSecond, Load.Result load) {
    }

    /** One read endpoint under 32 closed-loop connections, with writes at half load behind. */
    record Read(String name, String path, Load.Result load) {
    }

    Step halfLoad() {
        return steps.stream().filter(step -> step.share().equals(HALF_LOAD)).findFirst().orElseThrow();
    }

    /** 503 answers to every request of the run: the write API refused a write it should have taken. */
    @JsonProperty
    long unavailableAnswers() {
        List<Counts> all = new ArrayList<>(List.of(ceilings.liveness().counts(), seed, idleLag.writes(),
                saturation.warmUpCounts(), saturation.counts(), halfLoadLag.writes(),
                readsBackgroundWrites.counts(), catchUp.writes()));
        if (history != null) {
            all.add(history.writes());
        }
        steps.forEach(step -> all.add(step.load().counts()));
        reads.forEach(read -> all.add(read.load().counts()));
        return all.stream().mapToLong(Counts::unavailable).sum();
    }

    /** The figures of the table, each against its target and its ceiling. */
    List<Row> rows() {
        double jdbc = ceilings.jdbcAppendsPerSecond();
        double liveness = ceilings.liveness().okPerSecond();
        KafkaCeiling.Result kafka = ceilings.kafka();
        List<Row> rows = new ArrayList<>(List.of(
                new Row("writes 2xx/s at saturation", Row.Unit.PER_SECOND, Row.Target.atLeast(1_000),
                        saturation.okPerSecond(), jdbc, "raw JDBC appends"),
                new Row("non-2xx at saturation", Row.Unit.PERCENT, Row.Target.below(1),
                        saturation.counts().notOkPercent(), null, null),
                new Row("5xx at saturation", Row.Unit.COUNT, Row.Target.zero(),
                        (double) saturation.counts().serverErrors(), null, null),
                new Row("write p99 at half load", Row.Unit.MILLISECONDS, Row.Target.atMost(25),
                        halfLoad().load().latency().p99(), null, null),
                new Row("lag p50 idle", Row.Unit.MILLISECONDS, Row.Target.atMost(20),
                        idleLag.lag().p50(), kafka.latency().p50(), "raw Kafka p50"),
                new Row("lag p99 at half load", Row.Unit.MILLISECONDS, Row.Target.atMost(200),
                        halfLoadLag.lag().p99(), kafka.latency().p99(), "raw Kafka p99"),
                new Row("catch-up events/s", Row.Unit.PER_SECOND, Row.Target.atLeast(5_000),
                        catchUp.eventsPerSecond(), kafka.consumedPerSecond(), "raw Kafka consume"),
                new Row("catch-up: restart to healthy", Row.Unit.SECONDS, null,
                        catchUp.secondsToHealthy(), null, null)));
        for (Read read : reads) {
            rows.add(new Row(read.name() + " req/s", Row.Unit.PER_SECOND, Row.Target.atLeast(5_000),
                    read.load().okPerSecond(), liveness, "static liveness"));
        }
        if (rebuild != null) {
            rows.add(new Row(String.format("catch-up of %,d events of history/s", rebuild.events()),
                    Row.Unit.PER_SECOND, Row.Target.atLeast(5_000), rebuild.appliedPerSecond(),
                    kafka.consumedPerSecond(), "raw Kafka consume"));
            rows.add(new Row(String.format("asOf summary p99, %,d incidents", rebuild.bigPageIncidents()),
                    Row.Unit.MILLISECONDS, Row.Target.atMost(50), rebuild.asOf().latency().p99(), null, null));
            for (RebuildPhase.Rebuilt rebuilt : rebuild.rebuilds()) {
                rows.add(new Row("rebuild " + rebuilt.name() + " events/s", Row.Unit.PER_SECOND,
                        Row.Target.atLeast(20_000), rebuilt.eventsPerSecond(), kafka.consumedPerSecond(),
                        "raw Kafka consume"));
            }
        }
        for (String service : List.of("incident-command", "incident-query")) {
            Long megabytes = maxRssMegabytes.get(service);
            rows.add(new Row("RSS " + service + " (max)", Row.Unit.MEGABYTES, Row.Target.atMost(512),
                    megabytes == null ? null : megabytes.doubleValue(), null, null));
        }
        rows.add(new Row("503 answers, whole run", Row.Unit.COUNT, Row.Target.zero(),
                (double) unavailableAnswers(), null, null));
        return rows;
    }
}
