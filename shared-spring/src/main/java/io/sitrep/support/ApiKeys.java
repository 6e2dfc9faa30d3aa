package io.sitrep.support;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, held only as SHA-256 hashes. A presented key is hashed and compared
 * with every stored hash in constant time, so neither the match nor its position leaks by timing.
 */
public final class ApiKeys {

    private record Entry(byte[] hash, ApiClient client) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses {@code <key>=<scope>,<scope>;<key>=<scope>}. Fails, without echoing any key, on an
     * empty configuration, an unknown scope or a malformed entry.
     */
    public static ApiKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("No API keys are configured: set SITREP_API_KEYS to "
                    + "<key>=<scope>,<scope>;... with scopes from pages:write, incidents:write, analytics:read, admin");
        }
        List<Entry> entries = new ArrayList<>();
        String[] parts = spec.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("SITREP_API_KEYS entry " + (i + 1)
                        + " is not <key>=<scope>,<scope>");
            }
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (String id : part.substring(eq + 1).split(",")) {
                int entry = i + 1;
                scopes.add(Scope.parse(id.strip()).orElseThrow(() -> new IllegalArgumentException(
                        "SITREP_API_KEYS entry " + entry + " has an unknown scope '" + id.strip()
                                + "'; scopes are pages:write, incidents:write, analytics:read, admin")));
            }
            byte[] hash = Sha256.of(part.substring(0, eq).strip());
            entries.add(new Entry(hash, new ApiClient(HexFormat.of().formatHex(hash), Set.copyOf(scopes))));
        }
        if (entries.isEmpty()) {
            return parse(null);
        }
        return new ApiKeys(entries);
    }

    public Optional<ApiClient> authenticate(String presentedKey) {
        byte[] hash = Sha256.of(presentedKey);
        ApiClient match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                match = entry.client();
            }
        }
        return Optional.ofNullable(match);
    }
}
