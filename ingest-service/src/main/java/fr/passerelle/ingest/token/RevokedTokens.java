package fr.passerelle.ingest.token;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** This instance's {@link RevocationList}, loaded at start and reloaded every few seconds. */
@ApplicationScoped
public class RevokedTokens {

    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);

    private final IssuedTokens tokens;
    private final RevocationList list = new RevocationList();
    private final Clock clock = Clock.systemUTC();

    public RevokedTokens(IssuedTokens tokens) {
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent start) {
        reload();
    }

    @Scheduled(every = "${passerelle.tokens.revocation-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        Instant started = clock.instant();
        try {
            list.replace(tokens.revokedAndUnexpired(), started);
        } catch (RuntimeException e) {
            // The previous list stays: better a list a few seconds old than none.
            LOG.warnf("Revoked tokens could not be reloaded: %s", e.getMessage());
        }
    }

    public boolean isRevoked(String tokenId) {
        return list.isRevoked(tokenId);
    }

    public void revoked(String tokenId) {
        list.add(tokenId, clock.instant());
    }
}
