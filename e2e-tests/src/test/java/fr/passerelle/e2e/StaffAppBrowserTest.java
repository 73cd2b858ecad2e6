package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static fr.passerelle.e2e.StaffBrowser.KEYCLOAK;
import static fr.passerelle.e2e.StaffBrowser.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.StaffBrowser.Agent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * L'espace agent as a person uses it, in headless Chromium on the real stack: log in on Keycloak's
 * own login page as the demo contributor, upload a national example file with a mistake, watch its
 * stages, read the report, upload it corrected and find it on the dashboard waiting for a publisher;
 * and a person never sees another organisation's upload, even by its URL.
 * Screenshots of each step go to target/screenshots/.
 */
class StaffAppBrowserTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("espace-agent-");
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void theContributorLogsInUploadsFollowsTheStagesAndReadsTheReport() throws IOException {
        browser.get(APP + "/");
        wait.until(page -> page.getCurrentUrl().startsWith(KEYCLOAK + "/realms/passerelle/"));
        staff.screenshot("01-connexion-keycloak");
        staff.logIn(Agent.CONTRIBUTOR);

        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        assertEquals("Tableau de bord", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Tableau de bord — Passerelle", browser.getTitle());
        assertTrue(browser.findElement(By.id("personne")).getText().contains("Camille Contributrice"),
                browser.findElement(By.id("personne")).getText());
        assertTrue(browser.findElement(By.cssSelector("footer")).getText().contains("Mentions légales"));
        staff.screenshot("02-tableau-de-bord");

        // On a phone the tools hide behind the DSFR's « Menu » button: the person still reaches « Se déconnecter ».
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
        wait.until(page -> page.findElement(By.id("bouton-menu")).isDisplayed());
        browser.findElement(By.id("bouton-menu")).click();
        wait.until(page -> page.findElements(By.cssSelector("#menu-principal a")).stream()
                .anyMatch(link -> link.isDisplayed() && link.getText().contains("Se déconnecter")));
        staff.screenshot("02-menu-sur-telephone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.navigate().refresh();

        browser.findElement(By.linkText("Déposer un fichier")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));
        String dataset = Pipeline.freshDataset("espace-agent");
        browser.findElement(By.id("dataset")).sendKeys(dataset);
        new Select(browser.findElement(By.id("schema"))).selectByValue(SCHEMA);
        browser.findElement(By.id("fichier")).sendKeys(messyExample().toString());
        staff.screenshot("03-deposer");
        WebElement send = browser.findElement(By.id("envoyer"));
        send.click();

        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/"));
        String uploadId = browser.getCurrentUrl().substring((APP + "/depots/").length());
        staff.screenshot("04-etapes");
        // The stages come in place (polling) until the verdict, without reloading the page.
        WebElement verdict = wait.until(page -> page.findElements(By.id("verdict")).stream().findFirst().orElse(null));
        assertEquals("Refusé : le fichier contient des erreurs", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        String stages = browser.findElement(By.id("liste-etapes")).getText();
        assertTrue(stages.contains("Réception du fichier : terminé") && stages.contains("Contrôle de qualité"), stages);
        assertTrue(verdict.getText().contains("validité"), verdict.getText());
        staff.screenshot("05-verdict");
        assertEquals(1L, uploadsOf(dataset), "one click, one upload");

        browser.findElement(By.id("lire-rapport")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/rapports/" + uploadId));
        String report = browser.findElement(By.id("verdict")).getText();
        assertTrue(report.startsWith("Fichier non conforme · validité"), report);
        List<String> columns = new ArrayList<>();
        for (WebElement heading : browser.findElements(By.cssSelector("section.colonne h3"))) {
            columns.add(heading.getText());
        }
        assertTrue(columns.stream().anyMatch(column -> column.startsWith("capacite : ")), columns.toString());
        String table = browser.findElement(By.cssSelector("section.colonne table")).getText();
        assertTrue(table.contains("beaucoup"), "the bad cell is shown: " + table);
        assertFalse(browser.getPageSource().contains("\"code\""), "no JSON shown to a person");
        staff.screenshot("06-rapport");

        // Corrected, the same national example goes through: a first version, waiting for a publisher.
        browser.findElement(By.linkText("Déposer un fichier corrigé")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));
        browser.findElement(By.id("dataset")).sendKeys(dataset);
        new Select(browser.findElement(By.id("schema"))).selectByValue(SCHEMA);
        browser.findElement(By.id("fichier")).sendKeys(example(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))).toString());
        browser.findElement(By.id("envoyer")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/") && !page.getCurrentUrl().endsWith(uploadId));
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("En attente d'approbation", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        staff.screenshot("07-depot-corrige");
        assertEquals(2L, uploadsOf(dataset));

        browser.findElement(By.linkText("Tableau de bord")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        String row = browser.findElements(By.cssSelector("#jeux-de-donnees tbody tr")).stream().map(WebElement::getText)
                .filter(text -> text.contains(dataset)).findFirst().orElseThrow(() -> new AssertionError("no row for " + dataset));
        assertTrue(row.contains("version 1 : En attente d'approbation") && row.contains("100 %")
                && row.contains("Pas encore publié"), row);
        assertTrue(browser.findElement(By.id("a-traiter")).isDisplayed(), "what waits for a publisher comes first");
        staff.screenshot("08-tableau-de-bord-apres-depot");

        // Out of the app and of Keycloak: back on the app's own page (Keycloak adds its state parameter).
        browser.findElement(By.id("deconnexion")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/au-revoir"));
        assertEquals("Vous êtes déconnecté", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.id("personne")).isEmpty(), "nobody is shown as logged in");
        staff.screenshot("09-deconnexion");
    }

    @Test
    void aPersonOfAnotherOrganisationCannotSeeTheUploadOrItsReportByItsUrl() throws IOException {
        String otherOrganisation = "autre-commune";
        String dataset = Pipeline.freshDataset("voisine");
        String uploadId = Pipeline.accepted(otherOrganisation, dataset, SCHEMA, "arceaux-voisins.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");

        browser.get(APP + "/depots/" + uploadId);
        staff.logIn(Agent.CONTRIBUTOR);

        wait.until(page -> page.getCurrentUrl().equals(APP + "/depots/" + uploadId));
        assertEquals("Introuvable", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Nous ne trouvons pas ce dépôt dans votre organisation.\nVérifiez le lien, ou retrouvez-le depuis le tableau de bord.",
                browser.findElement(By.id("probleme")).getText());
        assertFalse(browser.getPageSource().contains("arceaux-voisins"), "nothing of the upload is shown");
        staff.screenshot("10-depot-d-une-autre-organisation");

        browser.get(APP + "/rapports/" + uploadId);
        assertEquals("Introuvable", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Nous ne trouvons pas le rapport de ce dépôt dans votre organisation.\nVérifiez le lien, ou retrouvez-le depuis le tableau de bord.",
                browser.findElement(By.id("probleme")).getText());
        assertFalse(browser.getPageSource().contains("arceaux-voisins"), "nothing of the report is shown");
        staff.screenshot("11-rapport-d-une-autre-organisation");

        browser.get(APP + "/tableau-de-bord");
        assertFalse(browser.findElement(By.tagName("main")).getText().contains(dataset),
                "another organisation's dataset is not on the dashboard");
    }

    @Test
    void aFormSentWithAnExpiredTokenGetsAFrenchPageAndRecordsNothing() throws IOException {
        String dataset = Pipeline.freshDataset("formulaire-expire");
        browser.get(APP + "/deposer");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));

        browser.findElement(By.id("dataset")).sendKeys(dataset);
        browser.findElement(By.id("fichier")).sendKeys(example(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")))
                .toAbsolutePath().toString());
        // The form's token as it is after a logout in another tab or a long pause: no longer the cookie's.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('#depot input[type=hidden]')[0].value = 'perime';"
                        + "HTMLFormElement.prototype.submit.call(document.getElementById('depot'));");

        wait.until(page -> !page.findElements(By.id("probleme")).isEmpty());
        assertEquals("Le formulaire a expiré", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("probleme")).getText().contains("Rien n'a été enregistré"));
        assertEquals(0, uploadsOf(dataset), "nothing uploaded");
        staff.screenshot("12-formulaire-expire");
    }

    /** The national example of the schema, exported as a French spreadsheet does, with one bad cell. */
    private static Path messyExample() throws IOException {
        List<List<String>> rows = new ArrayList<>(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        int capacity = rows.get(0).indexOf("capacite");
        List<String> first = new ArrayList<>(rows.get(1));
        first.set(capacity, "beaucoup");
        rows.set(1, first);
        return example(rows);
    }

    private static Path example(List<List<String>> rows) throws IOException {
        Path file = Files.createTempDirectory("espace-agent-").resolve("arceaux-velos.csv");
        return Files.write(file, Csv.asFrenchExcelExport(rows));
    }

    /** How many uploads ingest has of the dataset: what a double submit would make two of. */
    private static long uploadsOf(String dataset) {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, "ingest",
                Stack.secret("PASSERELLE_DB_PASSWORD_INGEST"));
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM upload WHERE organization = ? AND dataset = ?")) {
            count.setString(1, ORG);
            count.setString(2, dataset);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
