package io.sitrep.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitrep.local.LocalKafka;
import io.sitrep.local.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitrep.api-keys=test-key=pages:write,incidents:write;other-key=pages:write", "sitrep.rate-limit=0.05"})
class RateLimitApiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LocalPostgres.shared().addDataSourceProperties("incident_command_rate_limit", registry::add);
        registry.add("spring.kafka.bootstrap-servers", LocalKafka.shared()::bootstrapServers);
    }

    @Test
    void writesOverTheKeysRateAreRefusedWithRetryAfter() {
        HttpApi api = new HttpApi(port, "test-key");
        ApiTestSupport.expect(api.put("/api/v1/pages/limited", "{\"name\":\"Limited\",\"timeZone\":\"UTC\"}"), 201);
        HttpApi.Answer refused = ApiTestSupport.expect(
                api.put("/api/v1/pages/limited", "{\"name\":\"Limited again\",\"timeZone\":\"UTC\"}"), 429);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 20L));
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:sitrep:problem:rate-limited");

        // Another key has a bucket of its own; reads are not limited.
        ApiTestSupport.expect(api.as("other-key").put("/api/v1/pages/limited",
                "{\"name\":\"Limited again\",\"timeZone\":\"UTC\"}"), 200);
        ApiTestSupport.expect(api.as(null).get("/actuator/health"), 200);
    }
}
