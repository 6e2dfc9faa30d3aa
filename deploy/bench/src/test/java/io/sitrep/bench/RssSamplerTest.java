package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RssSamplerTest {

    @Test
    void readsVmRssFromAProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 9019740 kB\nVmHWM:\t  301234 kB\nVmRSS:\t  220696 kB\nThreads:\t42\n";

        assertThat(RssSampler.vmRssKilobytes(status)).isEqualTo(OptionalLong.of(220_696));
        assertThat(RssSampler.vmRssKilobytes("Name:\tkthreadd\n")).isEmpty();
    }
}
