package io.sitrep.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link LocalRun}, as ./run.sh writes it. */
record LocalRunOptions(Checkout checkout, boolean fresh) {

    static final String USAGE = "usage: LocalRun " + Checkout.USAGE + " [--fresh]";

    /** @throws IllegalArgumentException naming what is missing or wrong */
    static LocalRunOptions parse(String... args) {
        List<String> own = new ArrayList<>();
        Checkout checkout = Checkout.parse(args, own::add);
        boolean fresh = false;
        for (String arg : own) {
            if (!arg.equals("--fresh")) {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
            fresh = true;
        }
        return new LocalRunOptions(checkout, fresh);
    }

    /** What --fresh wipes: the databases and Kafka's logs; not the unpacked binaries. */
    Path dataDirectory() {
        return checkout.stateDirectory().resolve("data");
    }
}
