package io.sitrep.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With SITREP_LOG_FORMAT=ecs, every log line is one JSON object (Elastic Common Schema), the MDC's keys included. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"sitrep.api-keys=test-key=admin", "SITREP_LOG_FORMAT=ecs"})
@DirtiesContext
class StructuredLogsTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalPostgres.shared().addDataSourceProperties("incident_query_logs", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @Test
    void aLogLineIsOneJsonObjectWithItsContext(CapturedOutput output) {
        MDC.put("pageId", "olark");
        try {
            LoggerFactory.getLogger(StructuredLogsTest.class).info("Structured, as a log pipeline reads it");
        } finally {
            MDC.remove("pageId");
        }

        String line = output.getOut().lines().filter(each -> each.contains("Structured, as a log pipeline reads it"))
                .findFirst().orElseThrow();
        JsonNode logged = JsonMapper.builder().build().readTree(line);
        assertThat(logged.get("message").asString()).isEqualTo("Structured, as a log pipeline reads it");
        assertThat(logged.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(logged.get("pageId").asString()).isEqualTo("olark");
        assertThat(logged.get("service").get("name").asString()).isEqualTo("incident-query");
    }
}
