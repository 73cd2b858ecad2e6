package fr.passerelle.staff.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the upload's page says of where it stands. */
class UploadPageTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void aVersionThatAPublisherRefusedIsShownRefusedWithTheirReasonNotWaiting() {
        Api.Upload upload = upload("REFUSED", List.of(
                new Api.Stage("quality", "ok", "Conforme.", RECEIVED.plusSeconds(2), 2000),
                new Api.Stage("catalog", "ok", "Version 2 enregistrée ; sa publication attend l'approbation d'un publieur.",
                        RECEIVED.plusSeconds(3), 1000),
                new Api.Stage("approval", "refused", "Version 2 refusée par un publieur : les totaux sont faux",
                        RECEIVED.plusSeconds(60), 57000)));

        UploadResource.UploadPage page = UploadResource.UploadPage.of(upload);

        assertEquals("Refusé par un publieur : cette version ne sera pas publiée", page.status());
        assertTrue(page.done() && page.rejected() && page.settled(), "a refusal is an ending, shown as an error");
        UploadResource.StageLine last = page.stages().get(2);
        assertEquals("Approbation", last.label());
        assertEquals("Version 2 refusée par un publieur : les totaux sont faux", last.detail());
        assertTrue(!last.ok());
    }

    @Test
    void aFileWithErrorsIsShownRefusedForItsErrors() {
        UploadResource.UploadPage page = UploadResource.UploadPage.of(upload("REJECTED", List.of(
                new Api.Stage("quality", "rejected", "3 erreurs.", RECEIVED.plusSeconds(2), 2000))));

        assertEquals("Refusé : le fichier contient des erreurs", page.status());
        assertTrue(page.done() && page.rejected());
    }

    private static Api.Upload upload(String status, List<Api.Stage> stages) {
        return new Api.Upload("0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a11", "ville", "velos", "velos", "velos.csv", 120,
                status, "VALID", 100.0, "Conforme.", 2, null, RECEIVED, stages);
    }
}
