package io.sitrep.query.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ApiKeysRequiredTest {

    @Test
    void refusesToStartWithoutKeys() {
        assertThatThrownBy(() -> new ApiKeysRequired(" ")).hasMessageContaining("SITREP_API_KEYS");
    }

    @Test
    void startsWithKeys() {
        assertThatCode(() -> new ApiKeysRequired("key=admin")).doesNotThrowAnyException();
    }
}
