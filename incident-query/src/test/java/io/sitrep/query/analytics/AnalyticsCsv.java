package io.sitrep.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks a CSV download of analytics, row by row, against the analytics API's JSON of the same period. */
public final class AnalyticsCsv {

    private AnalyticsCsv() {
    }

    /** Every row of the CSV is a figure of the JSON, and every figure of the JSON has its row. */
    public static void assertSameFigures(String csv, JsonNode json) {
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("metric,dimension,statistic,value");
        int components = json.get("components").size();
        int statuses = json.get("timeInStatus").size();
        assertThat(lines).hasSize(1 + 2 + 1 + json.get("byImpact").size() + json.get("byComponent").size() + 4 * 5
                + statuses * 5 + components * 3 + json.get("incidentsPerWeek").size() * json.get("byImpact").size()
                + json.get("timeToResolvePerMonth").size() * 5);
        for (String line : lines.subList(1, lines.size())) {
            String[] field = line.split(",", -1);
            JsonNode figure = switch (field[0]) {
                case "period" -> json.get(field[2]);
                case "incidents" -> json.get("incidents");
                case "by_impact" -> json.get("byImpact").get(field[1]);
                case "by_component" -> json.get("byComponent").get(field[1]);
                case "time_in_status" -> json.get("timeInStatus").get(field[1]).get(field[2]);
                case "component" -> find(json.get("components"), "id", field[1]).get(camelCase(field[2]));
                case "incidents_per_week" -> find(json.get("incidentsPerWeek"), "week", field[1]).get("byImpact")
                        .get(field[2]);
                case "time_to_resolve_per_month" -> find(json.get("timeToResolvePerMonth"), "month", field[1])
                        .get("timeToResolve").get(field[2]);
                default -> json.get(camelCase(field[0])).get(field[2]);
            };
            assertThat(field[3]).as(line).isEqualTo(figure.isNull() ? "" : figure.asString());
        }
    }

    private static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode item : list) {
            if (item.get(key).asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + key + " " + value + " in " + list);
    }

    /** time_to_resolve → timeToResolve. */
    private static String camelCase(String name) {
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("_")) {
            camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }
}
