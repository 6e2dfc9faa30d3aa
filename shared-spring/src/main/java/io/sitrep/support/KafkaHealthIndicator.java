package io.sitrep.command.relay;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka's part of {@code /actuator/health}: up when the cluster answers within two seconds. It is
 * not part of readiness: while Kafka is away, commands still succeed and the relay catches up later.
 */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
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
