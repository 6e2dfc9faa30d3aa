package io.sitrep.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the console answers to lines it cannot carry out; what it does to a cluster, ClusterFaultTest shows. */
class ClusterConsoleTest {

    // No cluster: none of these lines may reach it.
    private final ClusterConsole console = new ClusterConsole(null);

    @Test
    void anUnknownOrIncompleteCommandIsAnsweredWithTheCommandsThereAre() {
        assertThat(console.execute("reboot kafka-2")).startsWith("Unknown command: reboot kafka-2\n")
                .contains(ClusterConsole.HELP);
        assertThat(console.execute("freeze")).startsWith("Unknown command: freeze\n");
        assertThat(console.execute("kill kafka-1 kafka-2")).startsWith("Unknown command: kill kafka-1 kafka-2\n");
    }

    @Test
    void helpListsEveryCommandAndABlankLineDoesNothing() {
        assertThat(console.execute("help")).isEqualTo(ClusterConsole.HELP)
                .contains("freeze <part>", "resume <part>", "kill <part>", "restart <part>", "failover", "heal", "parts");
        assertThat(console.execute("   ")).isEmpty();
    }
}
