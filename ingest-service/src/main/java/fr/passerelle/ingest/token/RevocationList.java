package fr.passerelle.ingest.token;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of revoked tokens, in memory: every request is checked against it without a database query.
 * It is reloaded every few seconds from the table (so that revocations made by other instances arrive),
 * and a revocation made here is in it at once. A reload that read the table before a local revocation
 * committed must not drop it: local revocations survive the reloads that started before them.
 */
public final class RevocationList {

    private volatile Set<String> loaded = Set.of();
    private final Map<String, Instant> localSince = new ConcurrentHashMap<>();

    public boolean isRevoked(String tokenId) {
        return tokenId != null && (loaded.contains(tokenId) || localSince.containsKey(tokenId));
    }

    /** A revocation made by this instance, effective at once. */
    public void add(String tokenId, Instant at) {
        localSince.put(tokenId, at);
    }

    /**
     * @param ids          what the table held
     * @param readStartedAt when the read began: local revocations from that time on may be missing from it
     */
    public void replace(Set<String> ids, Instant readStartedAt) {
        loaded = Set.copyOf(ids);
        localSince.entrySet().removeIf(entry -> entry.getValue().isBefore(readStartedAt) || ids.contains(entry.getKey()));
    }

    public int size() {
        return loaded.size() + localSince.size();
    }
}
