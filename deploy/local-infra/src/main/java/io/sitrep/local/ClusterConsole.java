package io.sitrep.local;

import java.util.List;

/**
 * What {@code ./run.sh --cluster} reads from its terminal: one command a line, to fail a part of the
 * cluster by hand and watch Sitrep ride it out, as in the seed incidents.
 */
final class ClusterConsole {

    static final String HELP = """
             freeze <part>    SIGSTOP: the part stops answering without leaving, like Olark's queue node
             resume <part>    SIGCONT: a frozen part goes on
             kill <part>      SIGKILL: the part is gone at once
             restart <part>   starts a killed part again (a PostgreSQL server comes back as the standby)
             failover         fences the PostgreSQL primary (kills it) and promotes the standby, as in Tenfold's outage
             heal             resumes what is frozen and restarts what is dead (failing over first if the primary is)
             parts            every part, its process id and its role
            """;

    private final LocalSystem system;

    ClusterConsole(LocalSystem system) {
        this.system = system;
    }

    /** Carries out one line and answers with what happened, or what is wrong with the line. */
    String execute(String line) {
        List<String> words = List.of(line.strip().split("\\s+"));
        String verb = words.get(0);
        try {
            if (words.size() == 1) {
                switch (verb) {
                    case "" -> {
                        return "";
                    }
                    case "help" -> {
                        return HELP;
                    }
                    case "parts" -> {
                        return parts();
                    }
                    case "heal" -> {
                        system.heal();
                        return "every part runs again";
                    }
                    case "failover" -> {
                        system.failOver();
                        return system.primaryPart() + " is the primary now, without a standby until the other is restarted";
                    }
                    default -> {
                        // a verb that needs a part, or none known: the help says which
                    }
                }
            } else if (words.size() == 2) {
                String part = words.get(1);
                switch (verb) {
                    case "freeze" -> system.freeze(part);
                    case "resume" -> system.resume(part);
                    case "kill" -> system.kill(part);
                    case "restart" -> system.restart(part);
                    default -> {
                        return unknown(line);
                    }
                }
                return part + ": " + verb + (verb.endsWith("e") ? "d" : "ed");
            }
            return unknown(line);
        } catch (RuntimeException e) {
            return "Could not " + line.strip() + ": " + LocalSystem.reasons(e);
        }
    }

    /** Each part with its process id; PostgreSQL's servers with their role. */
    String parts() {
        StringBuilder parts = new StringBuilder();
        for (String part : system.parts()) {
            String role = "";
            if (part.startsWith("postgres-")) {
                role = part.equals(system.primaryPart()) ? " (primary)" : " (standby)";
            }
            String pid = system.isRunning(part) ? "pid " + system.pid(part) : "not running";
            parts.append(String.format(" %-20s %s%s%n", part, pid, role));
        }
        return parts.toString();
    }

    private static String unknown(String line) {
        return "Unknown command: " + line.strip() + "\n" + HELP;
    }
}
