package io.sitrep.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link LocalRun}, as ./run.sh writes it. */
record LocalRunOptions(Checkout checkout, boolean fresh, boolean cluster) {

    static final String USAGE = "usage: LocalRun " + Checkout.USAGE + " [--fresh] [--cluster]";

    /** @throws IllegalArgumentException naming what is missing or wrong */
    static LocalRunOptions parse(String... args) {
        List<String> own = new ArrayList<>();
        Checkout checkout = Checkout.parse(args, own::add);
        boolean fresh = false;
        boolean cluster = false;
        for (String arg : own) {
            switch (arg) {
                case "--fresh" -> fresh = true;
                case "--cluster" -> cluster = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new LocalRunOptions(checkout, fresh, cluster);
    }

    /**
     * What --fresh wipes: the databases and Kafka's logs; not the unpacked binaries. A cluster's
     * are apart, and wiped at each start.
     */
    Path dataDirectory() {
        return checkout.stateDirectory().resolve(cluster ? "cluster" : "data");
    }
}
