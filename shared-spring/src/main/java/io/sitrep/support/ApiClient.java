package io.sitrep.support;

import java.util.Set;

/** The caller behind an API key: the key's SHA-256 (hex), never the key itself, and its scopes. */
public record ApiClient(String keyHash, Set<Scope> scopes) {
}
