package io.sitrep.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void drawsALineForEachPercentileThroughEveryPoint() throws Exception {
        String svg = SvgChart.latencyThroughput("Writes <quick>", List.of(
                new SvgChart.Point("saturation", 820, new Latency(1000, 38.0, 95.0, 140.0, 150.0)),
                new SvgChart.Point("25 %", 205, new Latency(1000, 4.1, 9.5, 12.0, 13.0)),
                new SvgChart.Point("50 %", 410, new Latency(1000, 5.0, 18.0, 30.0, 31.0))));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(9);
        assertThat(svg).contains("Writes &lt;quick&gt;", "achieved writes/s", "write latency, ms (log scale)",
                ">1 ms<", ">10 ms<", ">1,000 ms<", ">p99.9<");
    }

    @Test
    void latencyIsOnALogScaleAndThroughputOnANiceLinearOne() {
        assertThat(SvgChart.niceCeiling(861)).isEqualTo(1_000);
        assertThat(SvgChart.niceCeiling(1_001)).isEqualTo(2_000);
        assertThat(SvgChart.niceCeiling(4_100)).isEqualTo(5_000);
        assertThat(SvgChart.niceCeiling(0.3)).isEqualTo(0.5);
    }
}
