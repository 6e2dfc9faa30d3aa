package io.sitrep.query.consumer;

import io.sitrep.events.CloudEventCodec;
import io.sitrep.query.readmodel.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the event stream into the read models. One consumer group, so that several instances share
 * the partitions; a page's events are on one partition and so applied in order. The offset is
 * committed after the record's read-model transaction has committed.
 */
@Component
class EventListener {

    private final CloudEventCodec codec = new CloudEventCodec();
    private final Projector projector;

    EventListener(Projector projector) {
        this.projector = projector;
    }

    @KafkaListener(id = "read-models", topics = "${sitrep.kafka.topic}", groupId = "${sitrep.kafka.group}")
    void on(ConsumerRecord<String, byte[]> record) {
        projector.apply(codec.decode(record.value()));
    }
}
