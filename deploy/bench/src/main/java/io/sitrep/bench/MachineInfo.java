package io.sitrep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** What the figures were measured on: they mean little without it. */
record MachineInfo(int cores, Long memoryMegabytes, String java, String os, String gitCommit, String date) {

    static MachineInfo collect(Path repoRoot) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        Long memory = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getTotalMemorySize() / (1024 * 1024) : null;
        String commit = git(repoRoot, "rev-parse", "HEAD");
        if (!git(repoRoot, "status", "--porcelain", "--untracked-files=no").isEmpty()) {
            commit += " with uncommitted changes";
        }
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vm.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                commit.isEmpty() ? "unknown" : commit,
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** git's output, trimmed; empty if git is missing or fails. */
    private static String git(Path repoRoot, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repoRoot.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
