package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static fr.passerelle.e2e.StaffBrowser.ORG;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.StaffBrowser.Agent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * From a checked file to the public portal in l'espace agent, in headless Chromium on the real stack: the
 * contributor describes the dataset (score updated as they type, communes found by name, a bad address shown
 * beside its field) and sees the approval page read-only; the publisher finds it under « Approbations »,
 * approves it, and the public portal shows it. Then a second version waits, compared with the published one,
 * and is refused with a reason; two versions compared from the history. Screenshots in target/screenshots/.
 */
class StaffMetadataApprovalBrowserTest {

    private static final String SCHEMA = "stationnement-cyclable";
    private static final List<List<String>> EXAMPLE = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("metadonnees-");
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void theContributorDescribesThePublisherApprovesAndThePortalShowsIt() throws IOException {
        browser.get(APP + "/deposer");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));
        String dataset = Pipeline.freshDataset("metadonnees");
        browser.findElement(By.id("dataset")).sendKeys(dataset);
        new Select(browser.findElement(By.id("schema"))).selectByValue(SCHEMA);
        browser.findElement(By.id("fichier")).sendKeys(file(EXAMPLE).toString());
        browser.findElement(By.id("envoyer")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/"));
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("En attente d'approbation", browser.findElement(By.id("etat")).getAttribute("textContent").strip());

        // The dashboard's row leads to the dataset's page: its versions and the menu to its sections.
        browser.get(APP + "/tableau-de-bord");
        browser.findElement(By.cssSelector("#jeux-de-donnees a[href='/jeux/" + dataset + "']")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset));
        assertEquals(dataset, browser.findElement(By.tagName("h1")).getText(), "no title yet: its identifier");
        // The DSFR writes badges in capitals: their text as written is what a screen reader says.
        String state = browser.findElement(By.id("etat-jeu")).getAttribute("textContent");
        assertTrue(state.contains("Version 1 : En attente d'approbation") && state.contains("Jamais publié"), state);
        String history = browser.findElement(By.cssSelector("#historique tbody")).getText();
        assertTrue(history.contains("En attente d'approbation") && history.contains("100 %"), history);
        List<String> sections = browser.findElements(By.cssSelector(".fr-sidemenu__link")).stream()
                .map(link -> link.getAttribute("textContent").strip()).toList();
        assertEquals(List.of("Versions", "Métadonnées", "Approbation", "Décisions", "Portails", "Automatisation"), sections);
        staff.screenshot("01-jeu");

        // Métadonnées: what the first publication lacks is said before anything is typed.
        staff.clickLink("Métadonnées");
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/metadonnees"));
        String lacking = browser.findElement(By.id("manque-publication")).getText();
        assertTrue(lacking.contains("titre lisible") && lacking.contains("description"), lacking);
        String scoreBefore = browser.findElement(By.id("score-valeur")).getText();
        staff.screenshot("02-metadonnees-vide");

        String title = "Stationnements vélo de démonstration " + dataset;
        browser.findElement(By.id("titre")).clear(); // it holds the identifier, the title the catalogue gave
        type("titre", title);
        type("description", "Les arceaux, abris et consignes à vélo de la commune, avec leur capacité, leur accès et "
                + "leur mobilier, relevés sur le terrain par le service des mobilités.");
        wait.until(page -> !page.findElement(By.id("score-valeur")).getText().equals(scoreBefore));
        wait.until(page -> page.findElements(By.id("manque-publication")).isEmpty());
        type("mots-cles", "vélo, stationnement, mobilité");
        type("theme", "Transports");
        new Select(browser.findElement(By.id("frequence"))).selectByValue("monthly");
        setDate("debut", "2024-01-01");

        // A commune found as it is typed, without accents (the script), …
        type("recherche-commune", "grenoble");
        WebElement add = wait.until(page -> page.findElements(By.cssSelector("#propositions button")).stream()
                .filter(button -> button.getText().equals("Ajouter Grenoble (38)")).findFirst().orElse(null));
        add.click();
        assertTrue(browser.findElement(By.id("spatial-38185")).isSelected());
        // … and one through the « Chercher » button, the way that works without script.
        browser.findElement(By.id("recherche-commune")).clear();
        type("recherche-commune", "echirolles");
        browser.findElement(By.id("chercher-commune")).click();
        wait.until(page -> !page.findElements(By.id("trouvee-38151")).isEmpty());
        assertEquals(title, browser.findElement(By.id("titre")).getAttribute("value"), "the form comes back as typed");
        assertTrue(browser.findElement(By.id("spatial-38185")).isSelected(), "Grenoble is kept");
        clickLabel("trouvee-38151");
        type("contact-nom", "Service mobilités");
        type("contact-email", "pas-une-adresse");
        staff.screenshot("03-metadonnees-remplies");

        // The catalogue refuses the address: said beside the field, the rest kept.
        browser.findElement(By.id("enregistrer")).click();
        wait.until(page -> !page.findElements(By.id("contact-email-erreur")).isEmpty());
        WebElement email = browser.findElement(By.id("contact-email"));
        assertEquals("contact-email-erreur", email.getAttribute("aria-describedby"));
        assertTrue(browser.findElement(By.id("contact-email-erreur")).getText().contains("pas-une-adresse"),
                browser.findElement(By.id("contact-email-erreur")).getText());
        assertTrue(browser.findElement(By.cssSelector(".fr-input-group--error #contact-email")).isDisplayed());
        assertTrue(browser.findElement(By.id("spatial-38151")).isSelected(), "Échirolles ticked and kept");
        staff.screenshot("04-metadonnees-erreur");
        email.clear();
        email.sendKeys("mobilites@demo.fr");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(page -> !page.findElements(By.id("enregistre")).isEmpty());
        assertEquals(title, browser.findElement(By.id("titre")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("spatial-38185")).isSelected() && browser.findElement(By.id("spatial-38151")).isSelected());
        assertEquals("2024-01-01", browser.findElement(By.id("debut")).getAttribute("value"));
        assertEquals("100/100", browser.findElement(By.id("score-valeur")).getText(), "every check passed");
        staff.screenshot("05-metadonnees-enregistrees");

        // A contributor sees the approval page, read-only.
        staff.clickLink("Approbation");
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/approbation"));
        assertTrue(browser.findElement(By.id("lecture-seule")).getText().contains("Un publieur de votre organisation doit approuver"));
        assertTrue(browser.findElements(By.id("decision")).isEmpty(), "no decision form for a contributor");
        assertTrue(browser.findElement(By.id("pas-de-comparaison")).getText().contains("première publication"));
        staff.screenshot("06-approbation-contributeur");

        // Another organisation's dataset is « Introuvable », whichever of its pages is asked.
        String foreign = Pipeline.freshDataset("voisine");
        Pipeline.awaitStatus(Pipeline.accepted("autre-commune", foreign, SCHEMA, "voisins.csv", Csv.asFrenchExcelExport(EXAMPLE)),
                "AWAITING_APPROVAL");
        for (String page : List.of("", "/metadonnees", "/approbation", "/versions/comparer?version=1")) {
            browser.get(APP + "/jeux/" + foreign + page);
            assertEquals("Introuvable", browser.findElement(By.tagName("h1")).getText(), page);
        }

        browser.get(APP + "/tableau-de-bord");
        browser.findElement(By.id("deconnexion")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/au-revoir"));

        // The publisher: « Approbations » lists what waits; approve with a comment.
        browser.get(APP + "/approbations");
        staff.logIn(Agent.PUBLISHER);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/approbations"));
        assertEquals("Approbations", browser.findElement(By.tagName("h1")).getText());
        staff.screenshot("07-approbations");
        staff.clickLink(title);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/approbation"));
        assertTrue(browser.findElement(By.id("en-attente")).getText().contains("version 1"));
        browser.findElement(By.id("commentaire")).sendKeys("Relu avec le service des mobilités.");
        staff.screenshot("08-approbation-publieur");
        browser.findElement(By.id("approuver")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/approbation?fait=approuve"));
        assertTrue(browser.findElement(By.id("decision-faite")).getText().startsWith("Approuvé"));
        String journal = browser.findElement(By.id("journal")).getText();
        assertTrue(journal.contains("Jeu de données approuvé") && journal.contains("Relu avec le service des mobilités."), journal);
        staff.screenshot("09-approuve");

        // The public portal shows it, with its title.
        String portal = Stack.PUBLISH + "/portal/" + ORG + "/" + dataset;
        long deadline = System.nanoTime() + Pipeline.PATIENCE.toNanos();
        while (given().when().get(portal).statusCode() != 200 && System.nanoTime() < deadline) {
            Pipeline.sleep(300);
        }
        browser.get(portal);
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains(title), browser.findElement(By.tagName("h1")).getText());
        staff.screenshot("10-portail-public");

        // A second version waits (the dataset asks each time); compared with the published one, it is refused.
        given().baseUri(Stack.CATALOG).contentType("application/json").body("{\"alwaysAsk\":true}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        List<List<String>> second = new ArrayList<>(EXAMPLE);
        List<String> changed = new ArrayList<>(EXAMPLE.get(1));
        int capacity = EXAMPLE.get(0).indexOf("capacite");
        changed.set(capacity, "99");
        second.set(1, changed);
        Pipeline.awaitStatus(Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv", Csv.asFrenchExcelExport(second)),
                "AWAITING_APPROVAL");
        browser.get(APP + "/jeux/" + dataset + "/approbation");
        String summary = browser.findElement(By.id("resume-comparaison")).getText();
        assertTrue(summary.startsWith("Version 2 comparée à la version 1"), summary);
        String changes = browser.findElement(By.id("lignes-modifiees")).getText();
        assertTrue(changes.contains("capacite") && changes.contains("99"), changes);
        browser.findElement(By.id("refuser")).click();
        wait.until(page -> !page.findElements(By.id("commentaire-erreur")).isEmpty());
        assertEquals("commentaire-erreur", browser.findElement(By.id("commentaire")).getAttribute("aria-describedby"));
        staff.screenshot("11-refus-sans-commentaire");
        browser.findElement(By.id("commentaire")).sendKeys("La capacité de 99 places est une erreur de saisie.");
        browser.findElement(By.id("refuser")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/approbation?fait=refuse"));
        assertTrue(browser.findElement(By.id("journal")).getText().contains("Versions refusées"));
        assertTrue(browser.findElement(By.id("rien-en-attente")).isDisplayed());

        // The history: version 2 refused, version 1 published; the two compared.
        staff.clickLink("Versions");
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset));
        List<WebElement> rows = browser.findElements(By.cssSelector("#historique tbody tr"));
        assertTrue(rows.get(0).getText().contains("Refusée par un publieur"), rows.get(0).getText());
        assertTrue(rows.get(1).getText().contains("Publiée"), rows.get(1).getText());
        assertTrue(browser.findElement(By.id("telecharger-derniere")).getAttribute("href").endsWith("/latest.csv"));
        staff.screenshot("12-versions");
        browser.findElement(By.cssSelector("#comparer button")).click();
        wait.until(page -> page.getCurrentUrl().contains("/versions/comparer"));
        assertTrue(browser.findElement(By.id("resume-comparaison")).getText().contains("1 modifiée"),
                browser.findElement(By.id("resume-comparaison")).getText());
        assertNotEquals("Introuvable", browser.findElement(By.tagName("h1")).getText());
        assertFalse(browser.getPageSource().contains("\"code\""), "no JSON shown to a person");
        staff.screenshot("13-comparaison");
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** A date field's value as the browser's date picker sets it (its typing order depends on the locale). */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", browser.findElement(By.id(id)), isoDate);
    }

    /** DSFR checkboxes are drawn by their label: a person clicks the label. */
    private void clickLabel(String checkboxId) {
        browser.findElement(By.cssSelector("label[for='" + checkboxId + "']")).click();
    }

    private static Path file(List<List<String>> rows) throws IOException {
        Path file = Files.createTempDirectory("metadonnees-").resolve("arceaux.csv");
        return Files.write(file, Csv.asFrenchExcelExport(rows));
    }
}
