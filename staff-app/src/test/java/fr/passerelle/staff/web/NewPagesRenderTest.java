package fr.passerelle.staff.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * « Mes notifications » and the Webhooks pages rendered in the running app with set data (test-only resources under
 * /essai, public in the test profile): every value the templates read is there, in French, with the form's CSRF field.
 */
@QuarkusTest
class NewPagesRenderTest {

    private static String page(String path) {
        Response page = RestAssured.given().accept("text/html").get(path);
        String body = page.body().asString();
        assertEquals(200, page.statusCode(), body);
        assertFalse(body.contains("Une erreur est survenue") || body.contains("NOT_FOUND") || body.contains("Exception"), body);
        keep(path, body);
        return body;
    }

    /** Kept in target/pages-essai/ to be looked at in a browser beside the app's static files. */
    private static void keep(String path, String body) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "pages-essai"));
            java.nio.file.Files.writeString(folder.resolve(path.substring(1).replace('/', '-') + ".html"), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void mesNotificationsChecksEachChoiceAndSaysWhereTheMessagesGo() {
        String body = page("/essai/notifications/enregistre");
        assertTrue(body.contains("Vos préférences sont enregistrées."), body);
        assertTrue(body.contains("<strong>alix@ville.fr</strong>"), body);
        assertTrue(body.contains("name=\"livraison-upload.rejected\" value=\"DIGEST\" checked"), body);
        assertTrue(body.contains("id=\"livraison-approval-awaiting-none\" name=\"livraison-approval.awaiting\" value=\"NONE\">"), body);
        assertTrue(body.contains("<label class=\"fr-label\" for=\"livraison-upload-rejected-immediate\">Tout de suite</label>"), body);
        assertTrue(body.contains("name=\"csrf-token\""), "the CSRF field: " + body);
    }

    @Test
    void aGroupLeftEmptyIsMarkedBesideIt() {
        String body = page("/essai/notifications/incomplet");
        assertTrue(body.contains("fr-fieldset fr-fieldset--error\" id=\"sorte-upload-rejected\""), body);
        assertTrue(body.contains("class=\"fr-message fr-message--error\" id=\"sorte-upload-rejected-erreur\">Choisissez quand recevoir ce message"), body);
        assertFalse(body.contains("id=\"sorte-approval-awaiting-erreur\""), body);
    }

    @Test
    void theWebhooksListShowsStateReasonAndTheServicesRefusalBesideTheField() {
        String body = page("/essai/webhooks/liste");
        assertTrue(body.contains(">Désactivé</span><br><span class=\"fr-text--xs\">Désactivé après 9 livraisons"), body);
        assertTrue(body.contains("<td>9 échecs</td>"), body);
        assertTrue(body.contains("id=\"url-erreur\" class=\"fr-error-text\">Cette adresse est privée.</p>"), body);
        assertTrue(body.contains("value=\"https://10.0.0.5/hook\""), body);
        assertTrue(body.contains("href=\"/administration/webhooks/0b6f\""), body);
    }

    @Test
    void aWebhooksPageHasItsActionsAndItsDeliveryLog() {
        String body = page("/essai/webhooks/un");
        for (String id : new String[] {"tester", "reactiver", "nouveau-secret", "supprimer", "livraisons"}) {
            assertTrue(body.contains("id=\"" + id + "\""), id + ": " + body);
        }
        assertTrue(body.contains("Le destinataire a répondu 503."), body);
        assertTrue(body.contains(">Échec</span>"), body);
    }

    @Test
    void theSecretPageShowsItOnceWithHowToVerifyIt() {
        String body = page("/essai/webhooks/secret");
        assertTrue(body.contains(">whsec_c2VjcmV0</textarea>"), body);
        assertTrue(body.contains("Nouveau secret du webhook"), body);
        assertTrue(body.contains("href=\"https://docs.example/webhooks\""), body);
        assertTrue(body.contains("data-quoi=\"Secret\""), body);
    }

    @Test
    void theDeletionAsksFirst() {
        String body = page("/essai/webhooks/suppression");
        assertTrue(body.contains("Supprimer ce webhook ?"), body);
        assertTrue(body.contains("action=\"/administration/webhooks/0b6f/supprimer\""), body);
    }
}
