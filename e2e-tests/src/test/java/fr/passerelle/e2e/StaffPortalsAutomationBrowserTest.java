package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static fr.passerelle.e2e.StaffBrowser.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.StaffBrowser.Agent;
import fr.passerelle.portals.CkanContractServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * L'espace agent's Portails, Automatisation and Administration pages, in headless Chromium on the real stack:
 * a publisher connects a CKAN portal (the contract server) that does not answer yet, sees the failed push in
 * French on the portals page, the dashboard and the upload's page, and « Réessayer » publishes it once the
 * portal answers; a contributor sets an export URL and sees a dropped file's outcome; an administrator issues
 * a token (shown once) and revokes it; a contributor cannot reach the administration.
 * Screenshots of each page (1280 and 390 px) go to target/screenshots/.
 */
class StaffPortalsAutomationBrowserTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("espace-agent-portails-", Duration.ofSeconds(90), Duration.ofMillis(250));
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void aPublisherConnectsACkanPortalSeesItsFailureInFrenchAndRetriesOnceItAnswers() throws IOException {
        // A portal that does not answer yet: its port is free until the server starts on it.
        int port;
        try (CkanContractServer probe = new CkanContractServer()) {
            port = probe.port();
        }
        String apiUrl = "http://127.0.0.1:" + port + "/api/3/action";
        String dataset = Pipeline.freshDataset("portails");
        String uploadId = Pipeline.accepted(ORG, dataset, SCHEMA, "arceaux.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");

        browser.get(APP + "/jeux/" + dataset + "/portails");
        staff.logIn(Agent.PUBLISHER);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/portails"));
        assertEquals("Aucun portail connecté : ce jeu de données est publié sur le portail de Passerelle seulement.",
                text(browser.findElement(By.id("aucun-portail"))));
        staff.screenshot("01-portails-vide");

        // A form sent half-filled says what is missing beside each field.
        browser.findElement(By.id("udata-apiUrl")).clear();
        browser.findElement(By.id("enregistrer-udata")).click();
        wait.until(page -> !page.findElements(By.id("udata-apiUrl-erreur")).isEmpty());
        assertEquals("udata-apiUrl-erreur", browser.findElement(By.id("udata-apiUrl")).getAttribute("aria-describedby"));
        assertEquals("Saisissez la clé d'API (elle n'est jamais réaffichée : saisissez-la à chaque modification).",
                browser.findElement(By.id("udata-apiKey-erreur")).getText());
        staff.screenshot("02-portails-erreurs");

        browser.get(APP + "/jeux/" + dataset + "/portails");
        browser.findElement(By.id("ckan-apiUrl")).sendKeys(apiUrl);
        browser.findElement(By.id("ckan-organizationId")).sendKeys(CkanContractServer.ORGANIZATION);
        browser.findElement(By.id("ckan-apiKey")).sendKeys(CkanContractServer.TOKEN);
        browser.findElement(By.id("enregistrer-ckan")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/portails?enregistre=ckan"));
        assertTrue(text(browser.findElement(By.id("avis"))).startsWith("Le portail CKAN est enregistré"));
        assertTrue(text(browser.findElement(By.id("cle-ckan"))).contains("clé enregistrée"));
        assertEquals("", browser.findElement(By.id("ckan-apiKey")).getAttribute("value"), "the key is never shown again");
        assertFalse(browser.getPageSource().contains(CkanContractServer.TOKEN), "nor anywhere in the page");
        assertTrue(text(browser.findElement(By.id("envoi-ckan"))).contains("en attente de la première publication"),
                text(browser.findElement(By.id("envoi-ckan"))));

        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(uploadId, "PUBLISHED");
        Map<String, Object> failed = Pipeline.awaitRemoteTarget(ORG, dataset, 1);
        assertEquals("FAILED", failed.get("lastStatus"), failed.toString());

        // The upload says published; the portal's failure is beside it, with what to do.
        browser.get(APP + "/jeux/" + dataset + "/portails");
        String state = text(browser.findElement(By.id("envoi-ckan")));
        assertTrue(state.contains("échec") && state.contains("Le portail 127.0.0.1 ne répond pas"), state);
        assertFalse(state.contains("Exception:") || state.contains("{"), "French, no technical answer: " + state);
        staff.screenshot("03-portails-echec");

        browser.get(APP + "/tableau-de-bord");
        String row = browser.findElements(By.cssSelector("#jeux-de-donnees tbody tr")).stream().map(StaffPortalsAutomationBrowserTest::text)
                .filter(text -> text.contains(dataset)).findFirst().orElseThrow(() -> new AssertionError("no row for " + dataset));
        assertTrue(row.contains("CKAN : échec : Le portail 127.0.0.1 ne répond pas") && row.contains("Réessayer l'envoi"), row);
        staff.screenshot("04-tableau-de-bord-echec");

        browser.get(APP + "/depots/" + uploadId);
        wait.until(page -> !page.findElements(By.id("portail-ckan")).isEmpty());
        assertEquals("Publié", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        assertTrue(text(browser.findElement(By.id("portail-ckan"))).contains("échec : Le portail 127.0.0.1 ne répond pas"),
                text(browser.findElement(By.id("portail-ckan"))));
        staff.screenshot("05-depot-echec-portail");

        try (CkanContractServer ckan = new CkanContractServer(port)) {
            WebElement retry = browser.findElement(By.id("reessayer-ckan"));
            // A double click sends one push (the form ignores the second submit; the service would send nothing more).
            new org.openqa.selenium.interactions.Actions(browser).doubleClick(retry).perform();
            wait.until(page -> page.getCurrentUrl().equals(APP + "/depots/" + uploadId)
                    && !page.findElements(By.id("portail-ckan")).isEmpty()
                    && text(page.findElement(By.id("portail-ckan"))).contains("publié (version 1)"));
            staff.screenshot("06-depot-portail-publie");
            assertEquals(1, ckan.packages.size(), "one CKAN package");
            assertEquals(1, ckan.uploads.size(), "one resource");
            assertEquals(1, ckan.uploads.values().iterator().next().size(), "the file sent once");

            browser.get(APP + "/jeux/" + dataset + "/portails");
            String published = text(browser.findElement(By.id("envoi-ckan")));
            assertTrue(published.contains("publié (version 1)") && published.contains("version 1"), published);
            assertTrue(published.contains("Schéma déclaré sur la ressource par son adresse, que le portail valide :"
                    + " https://schema.data.gouv.fr/schemas/etalab/schema-stationnement-cyclable/"), published);
            assertTrue(browser.findElements(By.id("reessayer-ckan")).isEmpty(), "nothing left to retry");
            staff.screenshot("07-portails-publie");
        }

        // A contributor reads the portals, without the forms.
        browser.get(APP + "/deconnexion");
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/au-revoir"));
        browser.get(APP + "/jeux/" + dataset + "/portails");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/portails"));
        assertTrue(text(browser.findElement(By.id("envoi-ckan"))).contains("publié"));
        assertTrue(browser.findElements(By.id("formulaire-ckan")).isEmpty(), "a contributor connects nothing");
    }

    @Test
    void aContributorSetsAnExportUrlAndSeesADroppedFilesOutcomeButCannotReachTheAdministration() throws IOException {
        String dataset = Pipeline.freshDataset("automatisation");
        byte[] valid = Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        Pipeline.awaitStatus(Pipeline.accepted(ORG, dataset, SCHEMA, "arceaux.csv", valid), "AWAITING_APPROVAL");
        S3.put("dropzone", ORG + "/" + dataset + "/export-nuit.csv", valid);

        browser.get(APP + "/jeux/" + dataset + "/automatisation");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/automatisation"));
        assertEquals(ORG + "/" + dataset + "/", text(browser.findElement(By.id("dossier-depot"))));
        assertTrue(text(browser.findElement(By.id("commande-aws")))
                .startsWith("aws s3 cp export.csv s3://dropzone/" + ORG + "/" + dataset + "/export.csv"));

        // The dropped file appears with its outcome (the reconciler takes it within a minute).
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofSeconds(2)).until(page -> {
            page.navigate().refresh();
            return !page.findElements(By.id("depots-automatiques")).isEmpty()
                    && text(page.findElement(By.id("depots-automatiques"))).contains("export-nuit.csv");
        });
        String drops = text(browser.findElement(By.id("depots-automatiques")));
        assertTrue(drops.contains("Identique au fichier précédent") || drops.contains("Pris en compte") || drops.contains("En cours"),
                drops);

        browser.findElement(By.id("url")).sendKeys("ftp://exemple.fr/export.csv");
        browser.findElement(By.id("enregistrer-adresse")).click();
        wait.until(page -> !page.findElements(By.id("url-erreur")).isEmpty());
        assertTrue(text(browser.findElement(By.id("url-erreur"))).startsWith("Indiquez une adresse qui commence par https://"));

        browser.findElement(By.id("url")).clear();
        browser.findElement(By.id("url")).sendKeys(Stack.PUBLISH + "/portal/" + ORG + "/" + dataset + "/latest.csv");
        new Select(browser.findElement(By.id("intervalle"))).selectByValue("60");
        browser.findElement(By.id("enregistrer-adresse")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/automatisation?fait=adresse"));
        assertTrue(text(browser.findElement(By.id("adresse-actuelle"))).contains("toutes les heures"),
                text(browser.findElement(By.id("adresse-actuelle"))));
        staff.screenshot("08-automatisation");

        browser.findElement(By.id("relever")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/automatisation?fait=relevee"));
        // Nothing is published yet: the portal answers 404, said in French by ingest.
        assertTrue(text(browser.findElement(By.id("adresse-actuelle"))).contains("Échec de la relève"),
                text(browser.findElement(By.id("adresse-actuelle"))));
        staff.screenshot("09-automatisation-releve");

        browser.findElement(By.id("retirer")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/automatisation?fait=retiree"));
        assertEquals("Aucune adresse d'export n'est relevée pour ce jeu de données.",
                text(browser.findElement(By.id("aucune-adresse"))));

        assertTrue(browser.findElements(By.id("menu-administration")).isEmpty(), "no Administration entry for a contributor");
        browser.get(APP + "/administration");
        assertEquals("Accès réservé", browser.findElement(By.tagName("h1")).getText());
        assertTrue(text(browser.findElement(By.id("probleme"))).contains("réservée aux administrateurs"));
        assertFalse(browser.getPageSource().contains("\"code\""), "a French page, not JSON");
        staff.screenshot("10-administration-refusee");
    }

    @Test
    void anAdministratorIssuesATokenShownOnceThatWorksUntilRevoked() throws IOException {
        browser.get(APP + "/tableau-de-bord");
        staff.logIn(Agent.ADMINISTRATOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        browser.findElement(By.id("menu-administration")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/administration"));
        staff.screenshot("11-administration");

        String machine = "export-e2e-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("subject")).sendKeys(machine);
        browser.findElement(By.id("creer-jeton")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/administration/jetons/nouveau"));
        String token = browser.findElement(By.id("jeton")).getAttribute("value").strip();
        assertTrue(browser.findElement(By.id("copier")).isDisplayed(), "a copy button");
        assertEquals(200, Auth.with(token).baseUri(Stack.INGEST)
                .when().get("/api/v1/organizations/{org}/datasets/x/drops", ORG).statusCode(), "the token works");
        staff.screenshot("12-jeton-cree");
        String shownOnce = browser.getCurrentUrl();
        browser.get(shownOnce);
        assertEquals("Jeton déjà affiché", browser.findElement(By.tagName("h1")).getText());

        browser.get(APP + "/administration");
        WebElement row = browser.findElements(By.cssSelector("#liste-jetons tbody tr")).stream()
                .filter(line -> text(line).contains(machine)).findFirst().orElseThrow();
        assertTrue(text(row).contains("Valide") && text(row).contains("contributeur"), text(row));
        assertFalse(browser.getPageSource().contains(token), "the list never shows a token");
        row.findElement(By.tagName("button")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/administration?fait=revoque#jetons"));
        String revoked = browser.findElements(By.cssSelector("#liste-jetons tbody tr")).stream().map(StaffPortalsAutomationBrowserTest::text)
                .filter(text -> text.contains(machine)).findFirst().orElseThrow();
        assertTrue(revoked.contains("Révoqué"), revoked);
        assertEquals(401, Auth.with(token).baseUri(Stack.INGEST)
                .when().get("/api/v1/organizations/{org}/datasets/x/drops", ORG).statusCode(), "refused once revoked");
        // The audit log is collected from a topic: it may take a moment.
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofSeconds(1)).until(page -> {
            page.navigate().refresh();
            String journal = text(page.findElement(By.id("entrees-journal")));
            return journal.contains("Jeton délivré") && journal.contains("Jeton révoqué");
        });
        staff.screenshot("13-administration-jeton-revoque");
    }

    /** What the element says, as written (getText gives what CSS shows: DSFR badges are in capitals). */
    private static String text(WebElement element) {
        return element.getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }
}
