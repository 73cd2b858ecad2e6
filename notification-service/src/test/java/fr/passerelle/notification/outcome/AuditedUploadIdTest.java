package fr.passerelle.notification.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The new upload's id in the sentences ingest writes in the audit log (UploadService), the only place it is. */
class AuditedUploadIdTest {

    private static final UUID NEW = UUID.fromString("5b0f3c9e-1d2a-4e6b-9c8d-7a6b5c4d3e2f");
    private static final UUID ORIGINAL = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @Test
    void anAcceptedUpload() {
        assertEquals(Optional.of(NEW), AuditConsumer.uploadIn("Fichier « velos.csv » reçu (120 octets, déposé dans la"
                + " zone de dépôt) : dépôt " + NEW + ", schéma « stationnement-cyclable »."));
        assertEquals(Optional.of(NEW), AuditConsumer.uploadIn("Fichier « velos.csv » reçu (120 octets) : dépôt " + NEW
                + ", schéma à reconnaître."));
    }

    @Test
    void aRecheckNamesTheOriginalFirstAndTheNewUploadLast() {
        assertEquals(Optional.of(NEW), AuditConsumer.uploadIn("Nouveau contrôle du fichier « velos.csv » du dépôt "
                + ORIGINAL + " : dépôt " + NEW + "."));
    }

    @Test
    void aFileNameThatLooksLikeAnUploadDoesNotFoolIt() {
        assertEquals(Optional.of(NEW), AuditConsumer.uploadIn("Fichier « dépôt " + ORIGINAL + ".csv » reçu (1 octets)"
                + " : dépôt " + NEW + ", schéma à reconnaître."));
    }

    @Test
    void noUploadInOtherSentences() {
        assertTrue(AuditConsumer.uploadIn("Métadonnées du jeu de données modifiées.").isEmpty());
        assertTrue(AuditConsumer.uploadIn(null).isEmpty());
    }
}
