package io.sitrep.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals to the local system's processes, as a failing machine would deliver them: SIGSTOP freezes a
 * process (it neither answers nor closes its connections), SIGCONT lets it go on, SIGKILL ends it at
 * once. The JDK sends only TERM and KILL, so these go through kill(1).
 */
final class Signals {

    private Signals() {
    }

    /** Freezes the process and every process it started, the parent first (so it starts no more). */
    static void freezeTree(long pid) {
        tree(pid).forEach(each -> send("STOP", each));
    }

    /** Lets a frozen process tree go on, the children first. */
    static void resumeTree(long pid) {
        List<Long> tree = tree(pid);
        for (int i = tree.size() - 1; i >= 0; i--) {
            send("CONT", tree.get(i));
        }
    }

    /** Kills the process and every process it started (SIGKILL), and waits until they are gone. */
    static void killTree(long pid) {
        List<ProcessHandle> handles = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(parent -> {
            handles.add(parent);
            parent.descendants().forEach(handles::add);
        });
        handles.forEach(ProcessHandle::destroyForcibly);
        handles.forEach(handle -> handle.onExit().join());
    }

    /** Sends {@code SIG<signal>}; false if it could not be sent (the process is gone, say). */
    static boolean send(String signal, long pid) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Long> tree(long pid) {
        List<Long> tree = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(parent -> parent.descendants().forEach(child -> tree.add(child.pid())));
        return tree;
    }
}
