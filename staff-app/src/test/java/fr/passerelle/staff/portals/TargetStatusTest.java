package fr.passerelle.staff.portals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TargetStatusTest {

    private static Api.Target target(String kind, Integer lastVersion, String status, String error, Integer http) {
        return new Api.Target(kind, "https://www.data.gouv.fr/api/1", "org", lastVersion, status, error, http,
                Instant.parse("2026-03-01T10:15:00Z"), null);
    }

    @Test
    void aPortalWithThePublishedVersionSaysPublished() {
        TargetStatus status = TargetStatus.ofDataset(target("udata", 3, "PUBLISHED", null, null), 3);
        assertEquals("data.gouv.fr : publié (version 3)", status.summary());
        assertEquals("publie", status.state());
        assertFalse(status.retryable());
        assertEquals("1 mars 2026 à 11h15", status.when());
    }

    @Test
    void aFailedPushShowsItsFrenchErrorAndCanBeRetried() {
        TargetStatus status = TargetStatus.ofDataset(target("ckan", 2, "FAILED",
                "Le portail ckan.exemple.fr ne répond pas (ConnectException).", null), 2);
        assertEquals("CKAN : échec : Le portail ckan.exemple.fr ne répond pas (ConnectException).", status.summary());
        assertTrue(status.retryable());
        assertFalse(status.keyRefused());
        assertEquals("fr-badge--error", status.badge());
    }

    @Test
    void aPortalThatAnswered401AsksToRenewTheApiKey() {
        TargetStatus status = TargetStatus.ofDataset(target("udata", 2, "FAILED",
                "La clé d'API a été refusée par www.data.gouv.fr (401) : vérifiez-la.", 401), 2);
        assertTrue(status.keyRefused());
        assertTrue(status.advice().contains("renouvelez la clé d'API"), status.advice());
    }

    @Test
    void aPortalBehindThePublishedVersionIsWaitingAndCanBeSentTheLatest() {
        TargetStatus status = TargetStatus.ofDataset(target("ods", 1, "PUBLISHED", null, null), 2);
        assertEquals("OpenDataSoft : en attente : la version 2 n'y est pas encore", status.summary());
        assertTrue(status.retryable());
    }

    @Test
    void aPortalAddedBeforeAnyPublicationWaitsForTheFirstOne() {
        TargetStatus status = TargetStatus.ofDataset(target("udata", null, null, null, null), null);
        assertEquals("en attente de la première publication", status.label());
        assertFalse(status.retryable(), "nothing to send yet");
    }

    @Test
    void aRetryUnderWayIsWaitingAndCannotBeAskedTwice() {
        TargetStatus status = TargetStatus.ofDataset(target("udata", 2, "PENDING", null, null), 2);
        assertEquals("attente", status.state());
        assertFalse(status.retryable());
        assertNull(status.advice());
    }

    @Test
    void onAnUploadsPageALaterVersionReplacesAndAnEarlierOneWaits() {
        assertEquals("remplacé par la version 4", TargetStatus.ofVersion(target("udata", 4, "PUBLISHED", null, null), 3).label());
        assertEquals("attente", TargetStatus.ofVersion(target("udata", 2, "PUBLISHED", null, null), 3).state());
        assertEquals("echec", TargetStatus.ofVersion(target("udata", 3, "FAILED", "x", 500), 3).state());
        assertEquals("publie", TargetStatus.ofVersion(target("udata", 3, "PUBLISHED", null, null), 3).state());
    }

    @Test
    void whatThePortalIsToldOfTheSchemaStaysWithItsStateWhateverTheState() {
        String own = "Aucun schéma déclaré : « arbres » est un schéma propre à votre organisation.";
        for (String status : new String[] {"PUBLISHED", "FAILED", "PENDING", null}) {
            Api.Target target = new Api.Target("udata", "https://www.data.gouv.fr/api/1", "org", 2, status, "x", null,
                    Instant.parse("2026-03-01T10:15:00Z"), own);
            assertEquals(own, TargetStatus.ofDataset(target, 2).schema(), String.valueOf(status));
            assertEquals(own, TargetStatus.ofVersion(target, 3).schema(), String.valueOf(status));
        }
    }
}
