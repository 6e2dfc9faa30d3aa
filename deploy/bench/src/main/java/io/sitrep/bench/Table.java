package io.sitrep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures as a table: aligned plain text for the terminal, and Markdown. Given the figures of
 * a run on an empty store (by name), it adds them and how this run's figures compare.
 */
final class Table {

    private static final List<String> HEADER = List.of(
            "figure", "target", "measured", "ceiling (same run)", "ratio (measured/ceiling)", "result");
    private static final List<String> GROWTH_HEADER = List.of(
            "empty store", "change (within " + Math.round(Row.GROWTH_ALLOWED * 100) + " %)");

    private Table() {
    }

    static String text(List<Row> rows, Map<String, Double> emptyStore) {
        List<List<String>> cells = cells(rows, emptyStore);
        int[] widths = new int[cells.get(0).size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            List<String> line = cells.get(n);
            List<String> padded = new ArrayList<>();
            for (int i = 0; i < widths.length; i++) {
                padded.add(String.format("%-" + widths[i] + "s", line.get(i)));
            }
            table.append(String.join(" | ", padded).stripTrailing()).append('\n');
            if (n == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                table.append(String.join("-+-", rule)).append('\n');
            }
        }
        return table.toString();
    }

    static String markdown(List<Row> rows, Map<String, Double> emptyStore) {
        List<List<String>> cells = cells(rows, emptyStore);
        StringBuilder table = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            table.append("| ").append(String.join(" | ", cells.get(n))).append(" |\n");
            if (n == 0) {
                table.append("|").append("---|".repeat(cells.get(0).size())).append('\n');
            }
        }
        return table.toString();
    }

    private static List<List<String>> cells(List<Row> rows, Map<String, Double> emptyStore) {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(HEADER);
        if (!emptyStore.isEmpty()) {
            header.addAll(GROWTH_HEADER);
        }
        cells.add(header);
        for (Row row : rows) {
            Double ratio = row.ratio();
            List<String> line = new ArrayList<>(List.of(
                    row.figure(),
                    row.target() == null ? "-" : row.target().text(row.unit()),
                    format(row, row.measured()),
                    row.ceiling() == null ? "-" : row.unit().format(row.ceiling()) + " " + row.ceilingName(),
                    ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                    row.verdict().isEmpty() ? "-" : row.verdict()));
            if (!emptyStore.isEmpty()) {
                Double before = emptyStore.get(row.figure());
                line.add(format(row, before));
                line.add(row.growth(before));
            }
            cells.add(line);
        }
        return cells;
    }

    private static String format(Row row, Double value) {
        return value == null ? "n/a" : row.unit().format(value);
    }
}
