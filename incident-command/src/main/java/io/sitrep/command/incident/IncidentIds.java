package io.sitrep.command.incident;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Ids of incidents ({@code inc_...}) and of their updates ({@code upd_...}): 80 random bits in
 * lower-case base32. The underscore keeps them apart from page ids, which share the event store.
 */
final class IncidentIds {

    static final Pattern INCIDENT = Pattern.compile("inc_[a-z2-7]{16}");

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private IncidentIds() {
    }

    static String newIncidentId() {
        return "inc_" + random();
    }

    static String newUpdateId() {
        return "upd_" + random();
    }

    private static String random() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(16);
        long buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                id.append(ALPHABET[(int) (buffer >>> bits) & 31]);
            }
        }
        return id.toString();
    }
}
