package io.sitrep.query.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A column chart drawn on the server as SVG: columns along the bottom, each holding one value per
 * series, stacked or side by side, on a scale from zero with gridlines at round values. Every
 * shape has a tooltip, and the same figures are in a table beside the chart for keyboards and
 * screen readers ({@link #table()}).
 *
 * @param scaleTo the top of the scale, or null to round up from the largest column
 * @param whole   whether the values are counts, so that the scale's steps are whole numbers
 */
public record ColumnChart(String id, String title, String description, List<Series> series, List<Column> columns,
                          boolean stacked, Double scaleTo, boolean whole, DoubleFunction<String> format) {

    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 28;
    private static final int TICKS = 4;
    /** Room a label along the bottom takes per character, and around it; where labels would overlap, every n-th is shown. */
    private static final double LABEL_CHARACTER = 6.5;
    private static final double LABEL_GAP = 10;
    private static final int LABEL_LENGTH = 16;

    /** A series: its name in the legend and the tone it is drawn in (a class of the style sheet). */
    public record Series(String name, String tone) {
    }

    /**
     * A column: its name (in tooltips and the table), its label along the bottom (the name, cut to
     * {@value #LABEL_LENGTH} characters, unless given), and one value per series (null where there is none).
     */
    public record Column(String name, String label, List<Double> values) {

        Column(String name, List<Double> values) {
            this(name, name.length() <= LABEL_LENGTH ? name : name.substring(0, LABEL_LENGTH - 1) + "…", values);
        }
    }

    /** A shape to draw, with its tooltip. */
    public record Rect(double x, double y, double width, double height, String tone, String tooltip) {
    }

    /** A gridline at a height, with its value. */
    public record Tick(double y, String label) {
    }

    /** A label under a column. */
    public record Label(double x, String text) {
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double baseline() {
        return HEIGHT - BOTTOM;
    }

    public double labelY() {
        return HEIGHT - BOTTOM + 18;
    }

    public List<Rect> rects() {
        double max = top();
        double slot = (plotRight() - plotLeft()) / Math.max(1, columns.size());
        double width = slot * 0.7 / (stacked ? 1 : series.size());
        List<Rect> rects = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            double x = plotLeft() + c * slot + slot * 0.15;
            double stackedHeight = 0;
            for (int s = 0; s < series.size(); s++) {
                Double value = column.values().get(s);
                if (value == null || value <= 0) {
                    continue;
                }
                double height = value / max * (baseline() - TOP);
                double left = stacked ? x : x + s * width;
                double bottom = baseline() - (stacked ? stackedHeight : 0);
                rects.add(new Rect(round(left), round(bottom - height), round(width), round(height),
                        series.get(s).tone(), column.name() + ": " + series.get(s).name() + " " + format.apply(value)));
                if (stacked) {
                    stackedHeight += height;
                }
            }
        }
        return rects;
    }

    public List<Tick> ticks() {
        double max = top();
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= TICKS; t++) {
            double value = max * t / TICKS;
            ticks.add(new Tick(round(baseline() - value / max * (baseline() - TOP)), format.apply(value)));
        }
        return ticks;
    }

    public List<Label> labels() {
        double slot = (plotRight() - plotLeft()) / Math.max(1, columns.size());
        int longest = columns.stream().mapToInt(column -> column.label().length()).max().orElse(0);
        int every = (int) Math.ceil((longest * LABEL_CHARACTER + LABEL_GAP) / slot);
        List<Label> labels = new ArrayList<>();
        for (int c = 0; c < columns.size(); c += Math.max(1, every)) {
            labels.add(new Label(round(plotLeft() + c * slot + slot / 2), columns.get(c).label()));
        }
        return labels;
    }

    /** The chart's figures as rows of text: the column's name, then its value in each series. */
    public List<List<String>> table() {
        return columns.stream().map(column -> {
            List<String> row = new ArrayList<>();
            row.add(column.name());
            column.values().forEach(value -> row.add(value == null ? "–" : format.apply(value)));
            return row;
        }).toList();
    }

    public boolean empty() {
        return columns.stream().allMatch(column -> column.values().stream().allMatch(value -> value == null || value == 0));
    }

    /**
     * The top of the scale: as given, or the largest column rounded up so that each of the
     * {@value #TICKS} steps is 1, 2 or 5 times a power of ten (a whole number for counts).
     */
    private double top() {
        if (scaleTo != null) {
            return scaleTo;
        }
        double largest = columns.stream().mapToDouble(column -> stacked
                ? column.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).sum()
                : column.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0))
                .max().orElse(0);
        if (largest <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(largest / TICKS)));
        if (whole && power < 1) {
            power = 1;
        }
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power * TICKS >= largest) {
                return step * power * TICKS;
            }
        }
        return 10 * power * TICKS;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
