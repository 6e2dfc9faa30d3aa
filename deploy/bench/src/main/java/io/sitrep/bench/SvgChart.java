package io.sitrep.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Write latency against achieved throughput, as a hand-written SVG: one line per percentile
 * through the open-loop steps and the saturation point, latency on a log scale (it spans decades
 * near saturation).
 */
final class SvgChart {

    /** One run: what it achieved and its write latency. */
    record Point(String label, double perSecond, Latency latency) {
    }

    private record Series(String name, String colour, Function<Latency, Double> value) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("p50", "#1f77b4", Latency::p50),
            new Series("p99", "#ff7f0e", Latency::p99),
            new Series("p99.9", "#d62728", Latency::p999));
    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 130;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private final double maxRate;
    private final double minDecade;
    private final double maxDecade;

    private SvgChart(double maxRate, double minDecade, double maxDecade) {
        this.maxRate = maxRate;
        this.minDecade = minDecade;
        this.maxDecade = maxDecade;
    }

    static String latencyThroughput(String title, List<Point> points) {
        List<Point> sorted = points.stream().filter(point -> point.latency().p50() != null)
                .sorted(Comparator.comparingDouble(Point::perSecond)).toList();
        List<Double> latencies = sorted.stream()
                .flatMap(point -> SERIES.stream().map(series -> series.value().apply(point.latency())))
                .filter(Objects::nonNull).map(millis -> Math.max(millis, 0.01)).toList();
        double minDecade = Math.floor(Math.log10(latencies.stream().min(Double::compare).orElse(1.0)));
        double maxDecade = Math.max(minDecade + 1, Math.ceil(Math.log10(latencies.stream().max(Double::compare).orElse(10.0))));
        double maxRate = niceCeiling(sorted.stream().mapToDouble(Point::perSecond).max().orElse(1) * 1.05);
        return new SvgChart(maxRate, minDecade, maxDecade).draw(title, sorted);
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least {@code value}. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    double x(double perSecond) {
        return LEFT + (WIDTH - LEFT - RIGHT) * perSecond / maxRate;
    }

    double y(double millis) {
        double decades = (Math.log10(Math.max(millis, 0.01)) - minDecade) / (maxDecade - minDecade);
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * decades;
    }

    private String draw(String title, List<Point> points) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, WIDTH / 2.0, 25, "middle", "font-size=\"15\" font-weight=\"bold\"", title);
        drawAxes(svg);
        for (int i = 0; i < SERIES.size(); i++) {
            drawSeries(svg, SERIES.get(i), points, i);
        }
        for (Point point : points) {
            text(svg, x(point.perSecond()), y(point.latency().p50()) + 18, "middle", "fill=\"#555\" font-size=\"10\"",
                    point.label());
        }
        return svg.append("</svg>\n").toString();
    }

    private void drawAxes(StringBuilder svg) {
        double left = LEFT;
        double right = WIDTH - RIGHT;
        double bottom = HEIGHT - BOTTOM;
        for (double decade = minDecade; decade <= maxDecade; decade++) {
            for (int multiple : new int[] {1, 2, 5}) {
                double millis = multiple * Math.pow(10, decade);
                if (Math.log10(millis) > maxDecade + 1e-9) {
                    break;
                }
                double y = y(millis);
                line(svg, left, y, right, y, multiple == 1 ? "#ccc" : "#eee");
                text(svg, left - 8, y + 4, "end", multiple == 1 ? "" : "fill=\"#888\" font-size=\"10\"", millisLabel(millis));
            }
        }
        double step = niceCeiling(maxRate / 6);
        for (double rate = 0; rate <= maxRate + 1e-9; rate += step) {
            double x = x(rate);
            line(svg, x, bottom, x, bottom + 5, "#333");
            text(svg, x, bottom + 20, "middle", "", String.format(Locale.ROOT, "%,.0f", rate));
        }
        line(svg, left, bottom, right, bottom, "#333");
        line(svg, left, TOP, left, bottom, "#333");
        text(svg, (left + right) / 2, HEIGHT - 25, "middle", "", "achieved writes/s (2xx answers)");
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 20 %.1f)\">"
                + "write latency, ms (log scale)</text>%n", (TOP + bottom) / 2, (TOP + bottom) / 2));
    }

    private void drawSeries(StringBuilder svg, Series series, List<Point> points, int index) {
        List<String> coordinates = new ArrayList<>();
        for (Point point : points) {
            Double millis = series.value().apply(point.latency());
            if (millis == null) {
                continue;
            }
            double x = x(point.perSecond());
            double y = y(millis);
            coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\">"
                            + "<title>%s: %s at %,.0f writes/s: %.2f ms</title></circle>%n",
                    x, y, series.colour(), escape(point.label()), series.name(), point.perSecond(), millis));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                series.colour(), String.join(" ", coordinates)));
        double legendY = TOP + 10 + 22 * index;
        double legendX = WIDTH - RIGHT + 20;
        line(svg, legendX, legendY, legendX + 25, legendY, series.colour(), 2);
        text(svg, legendX + 32, legendY + 4, "start", "", series.name());
    }

    private static String millisLabel(double millis) {
        return millis >= 1 ? String.format(Locale.ROOT, "%,.0f ms", millis)
                : String.format(Locale.ROOT, "%s ms", Double.toString(millis).replaceAll("0+$", ""));
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour) {
        line(svg, x1, y1, x2, y2, colour, 1);
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour, int width) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%d\"/>%n",
                x1, y1, x2, y2, colour, width));
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n",
                x, y, anchor, attributes, escape(text)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
