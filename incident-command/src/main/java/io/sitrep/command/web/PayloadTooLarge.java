package io.sitrep.command.web;

import java.io.IOException;

/** A request body over {@link BodySizeLimitFilter#MAX_BYTES}. */
class PayloadTooLarge extends IOException {

    PayloadTooLarge() {
        super("The request body is larger than " + BodySizeLimitFilter.MAX_BYTES + " bytes (1 MiB)");
    }
}
