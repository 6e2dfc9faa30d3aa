package io.sitrep.bench;

import io.sitrep.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The services' resident memory (VmRSS in /proc/&lt;pid&gt;/status), sampled every second; keeps each
 * service's maximum. Where there is no /proc (macOS), nothing is sampled.
 */
final class RssSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 1000;

    private final Supplier<List<ServiceProcess>> processes;
    private final Map<String, Long> maxKilobytes = new TreeMap<>();
    private final Thread sampler;

    private RssSampler(Supplier<List<ServiceProcess>> processes) {
        this.processes = processes;
        this.sampler = new Thread(this::sampleEverySecond, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Samples {@code processes}, asked anew each time: a service may be restarted meanwhile. */
    static RssSampler start(Supplier<List<ServiceProcess>> processes) {
        return new RssSampler(processes);
    }

    /** Each service's highest resident memory in MiB, by name; empty where nothing was sampled. */
    synchronized Map<String, Long> maxMegabytes() {
        Map<String, Long> megabytes = new TreeMap<>();
        maxKilobytes.forEach((service, kilobytes) -> megabytes.put(service, Math.round(kilobytes / 1024.0)));
        return megabytes;
    }

    /** The VmRSS line of a /proc/&lt;pid&gt;/status, in kB. */
    static OptionalLong vmRssKilobytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(fields[0]));
            }
        }
        return OptionalLong.empty();
    }

    private void sampleEverySecond() {
        try {
            while (true) {
                sample();
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void sample() {
        for (ServiceProcess process : processes.get()) {
            String status;
            try {
                status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
            } catch (IOException e) {
                continue; // stopped (or no /proc here)
            }
            vmRssKilobytes(status).ifPresent(kilobytes -> {
                synchronized (this) {
                    maxKilobytes.merge(process.name(), kilobytes, Math::max);
                }
            });
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
        Load.join(sampler);
    }
}
