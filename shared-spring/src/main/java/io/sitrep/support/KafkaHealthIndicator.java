package io.sitrep.support;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka's part of {@code /actuator/health}: up when the cluster answers within two seconds. Each
 * service registers it as {@code kafka}, outside readiness: while Kafka is away, incident-command
 * still takes writes (the relay catches up later) and incident-query still serves what its read
 * models hold.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                .clusterId().get(2, TimeUnit.SECONDS);
        builder.up().withDetail("clusterId", clusterId);
    }

    @Override
    public void close() {
        admin.close();
    }
}
