package io.sitrep.local;

import java.util.Map;

/** The ports of a local run of the whole system, each overridable by its environment variable. */
public record LocalPorts(int postgres, int kafka, int command, int query) {

    /** ./run.sh's defaults. */
    public static final LocalPorts RUN = new LocalPorts(15432, 9092, 8080, 8081);

    public static final String POSTGRES_VARIABLE = "SITREP_PG_PORT";
    public static final String KAFKA_VARIABLE = "SITREP_KAFKA_PORT";
    public static final String COMMAND_VARIABLE = "SITREP_COMMAND_PORT";
    public static final String QUERY_VARIABLE = "SITREP_QUERY_PORT";

    /**
     * These ports, each replaced by its variable in {@code environment} when that is set.
     *
     * @throws IllegalArgumentException if a variable is not a port number
     */
    public LocalPorts overriddenBy(Map<String, String> environment) {
        return new LocalPorts(
                port(environment, POSTGRES_VARIABLE, postgres),
                port(environment, KAFKA_VARIABLE, kafka),
                port(environment, COMMAND_VARIABLE, command),
                port(environment, QUERY_VARIABLE, query));
    }

    private static int port(Map<String, String> environment, String variable, int defaultPort) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value);
        }
    }
}
