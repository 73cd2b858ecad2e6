package fr.passerelle.ingest.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final RevocationList list = new RevocationList();

    @Test
    void onlyRevokedIdsAreRefused() {
        list.replace(Set.of("a"), T0);
        assertTrue(list.isRevoked("a"));
        assertFalse(list.isRevoked("b"));
        assertFalse(list.isRevoked(null), "a token without jti cannot have been revoked here");
    }

    @Test
    void aLocalRevocationCountsAtOnce() {
        list.add("a", T0);
        assertTrue(list.isRevoked("a"));
    }

    @Test
    void aReloadThatReadTheTableBeforeALocalRevocationDoesNotForgetIt() {
        list.add("a", T0.plusSeconds(1));
        list.replace(Set.of(), T0); // read started before the revocation committed
        assertTrue(list.isRevoked("a"));
    }

    @Test
    void aReloadAfterwardsIsTheTruth() {
        list.add("a", T0);
        list.replace(Set.of("a"), T0.plusSeconds(10));
        assertTrue(list.isRevoked("a"));
        list.replace(Set.of(), T0.plusSeconds(20)); // expired since: no longer listed, refused by its exp anyway
        assertFalse(list.isRevoked("a"));
    }

    @Test
    void revocationsByOtherInstancesArriveWithTheNextReload() {
        assertFalse(list.isRevoked("b"));
        list.replace(Set.of("b"), T0);
        assertTrue(list.isRevoked("b"));
    }
}
