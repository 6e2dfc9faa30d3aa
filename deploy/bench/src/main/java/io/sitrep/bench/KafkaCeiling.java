package io.sitrep.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker can do at most, with the relay's producer settings (acks=all, idempotent, no
 * linger) and ~1 KB records on a scratch topic of six partitions, as the event topic has: records
 * acknowledged per second, records one consumer reads back per second, and the latency of a single
 * record from send to a polling consumer.
 */
final class KafkaCeiling {

    private static final String TOPIC = "bench.ceiling";
    private static final int PARTITIONS = 6;
    private static final int RECORD_BYTES = 1024;
    private static final int LATENCY_PROBES = 200;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    record Result(double producedPerSecond, double consumedPerSecond, Latency latency) {
    }

    private final String bootstrapServers;

    private KafkaCeiling(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static Result run(String bootstrapServers, Duration duration) {
        KafkaCeiling ceiling = new KafkaCeiling(bootstrapServers);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
            try {
                long start = System.nanoTime();
                long produced = ceiling.produce(duration);
                double producedPerSecond = produced * 1e9 / (System.nanoTime() - start);
                double consumedPerSecond = ceiling.consumeAll(produced);
                return new Result(producedPerSecond, consumedPerSecond, ceiling.latency());
            } finally {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The Kafka ceiling failed", e.getCause());
        }
    }

    /**
     * Sends as fast as the producer takes records for {@code duration}, then waits for the last
     * acknowledgements; answers how many records were acknowledged.
     */
    private long produce(Duration duration) throws ExecutionException {
        LongAdder acknowledged = new LongAdder();
        AtomicReference<Exception> failure = new AtomicReference<>();
        byte[] value = new byte[RECORD_BYTES];
        ThreadLocalRandom.current().nextBytes(value);
        long end = System.nanoTime() + duration.toNanos();
        try (KafkaProducer<String, byte[]> producer = producer();
             Progress ignored = Progress.start("ceiling: Kafka produce", "records", acknowledged::sum)) {
            // Keys spread the records over the partitions as page ids do.
            for (long i = 0; System.nanoTime() - end < 0; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "page-" + (i % 100), value), (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.increment();
                    } else {
                        failure.compareAndSet(null, exception);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        return acknowledged.sum();
    }

    /** Reads the topic from the beginning with one consumer; answers records per second. */
    private double consumeAll(long records) {
        LongAdder consumed = new LongAdder();
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             Progress ignored = Progress.start("ceiling: Kafka consume", "records", consumed::sum)) {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(5);
            while (consumed.sum() < records && System.nanoTime() - deadline < 0) {
                consumed.add(consumer.poll(Duration.ofMillis(100)).count());
            }
            return consumed.sum() * 1e9 / (System.nanoTime() - start);
        }
    }

    /** Single records, one at a time, from send to a consumer that is already polling. */
    private Latency latency() throws InterruptedException {
        BlockingQueue<Long> seen = new ArrayBlockingQueue<>(LATENCY_PROBES);
        CountDownLatch polling = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // resolves the end now, before the first probe
                polling.countDown();
                while (!stop.get()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> seen.add(System.nanoTime()));
                }
            }
        }, "kafka-ceiling-poller");
        poller.start();
        Histogram micros = Latency.histogram();
        LongAdder probes = new LongAdder();
        byte[] value = new byte[RECORD_BYTES];
        try (KafkaProducer<String, byte[]> producer = producer();
             Progress ignored = Progress.start("ceiling: Kafka latency", "records", probes::sum)) {
            if (!polling.await(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The latency probe's consumer did not start within " + PROBE_TIMEOUT);
            }
            for (int i = 0; i < LATENCY_PROBES; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, "probe-" + i, value));
                producer.flush(); // no linger: a single record waits for nothing else
                Long received = seen.poll(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (received == null) {
                    throw new IllegalStateException("A record sent to " + TOPIC + " was not consumed within " + PROBE_TIMEOUT);
                }
                micros.recordValue((received - sent) / 1000);
                probes.increment();
            }
        } finally {
            stop.set(true);
            Load.join(poller);
        }
        return Latency.of(micros);
    }

    private static List<TopicPartition> partitions() {
        return IntStream.range(0, PARTITIONS).mapToObj(partition -> new TopicPartition(TOPIC, partition)).toList();
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
