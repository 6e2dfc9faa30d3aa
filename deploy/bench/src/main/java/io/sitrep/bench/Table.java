package io.sitrep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures as a table: aligned plain text for the terminal, and Markdown. */
final class Table {

    private static final List<String> HEADER = List.of(
            "figure", "target", "measured", "ceiling (same run)", "ratio (measured/ceiling)", "result");

    private Table() {
    }

    static String text(List<Row> rows) {
        List<List<String>> cells = cells(rows);
        int[] widths = new int[HEADER.size()];
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

    static String markdown(List<Row> rows) {
        List<List<String>> cells = cells(rows);
        StringBuilder table = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            table.append("| ").append(String.join(" | ", cells.get(n))).append(" |\n");
            if (n == 0) {
                table.append("|").append("---|".repeat(HEADER.size())).append('\n');
            }
        }
        return table.toString();
    }

    private static List<List<String>> cells(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            Double ratio = row.ratio();
            cells.add(List.of(
                    row.figure(),
                    row.target() == null ? "-" : row.target().text(row.unit()),
                    row.measured() == null ? "n/a" : row.unit().format(row.measured()),
                    row.ceiling() == null ? "-" : row.unit().format(row.ceiling()) + " " + row.ceilingName(),
                    ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                    row.verdict().isEmpty() ? "-" : row.verdict()));
        }
        return cells;
    }
}
