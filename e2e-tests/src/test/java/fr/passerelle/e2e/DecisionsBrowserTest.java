package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static fr.passerelle.e2e.StaffBrowser.ORG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.StaffBrowser.Agent;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Décider in l'espace agent, in headless Chromium on the real stack: a blocked file's report says a decision waits;
 * the contributor answers it with a click, the same file is checked again and waits for a publisher; the dataset's
 * page lists the remembered decision, which the person forgets. Screenshots: target/screenshots/decider-*.
 */
class DecisionsBrowserTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("decider-");
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void aContributorSettlesAPersonalDataDecisionByClickingAndForgetsItOnTheDatasetsPage() {
        String dataset = Pipeline.freshDataset("decider");
        List<List<String>> rows = new ArrayList<>(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        List<String> header = new ArrayList<>(rows.get(0));
        header.add("Portable du gardien");
        rows.set(0, header);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = new ArrayList<>(rows.get(i));
            row.add(i == 1 ? "06 11 22 33 44" : "");
            rows.set(i, row);
        }
        String blocked = Pipeline.accepted(ORG, dataset, SCHEMA, "gardiens.csv", Csv.asFrenchExcelExport(rows));
        Pipeline.awaitStatus(blocked, "BLOCKED");

        browser.get(APP + "/rapports/" + blocked);
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/rapports/" + blocked));
        String waiting = browser.findElement(By.id("decisions-en-attente")).getText();
        assertTrue(waiting.contains("1 décision à prendre"), waiting);
        staff.screenshot("01-rapport");

        browser.findElement(By.linkText("Décider")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/depots/" + blocked + "/decisions"));
        String question = browser.findElement(By.cssSelector("fieldset.question legend")).getText();
        assertTrue(question.contains("Que faire de la colonne « Portable du gardien » avant publication ?"), question);
        // Supprimer, masquer, hacher: publishing the numbers as they are is a publisher's call, not offered here.
        assertEquals(List.of("supprimer", "masquer", "hacher"), browser.findElements(
                By.cssSelector("fieldset.question input[type=radio]")).stream().map(radio -> radio.getAttribute("value")).toList());
        staff.screenshot("02-questions");

        // Sent without an answer: a French error tied to the question, nothing checked again.
        browser.findElement(By.id("envoyer-decisions")).click();
        wait.until(page -> !page.findElements(By.cssSelector(".fr-alert--error")).isEmpty());
        assertEquals("Choisissez une réponse à au moins une question.",
                browser.findElement(By.cssSelector("fieldset.fr-fieldset--error .fr-message--error")).getText());
        assertEquals(1L, uploadsOf(dataset));

        browser.findElement(By.cssSelector("label[for='q0-1']")).click();
        assertTrue(browser.findElement(By.id("q0-1")).isSelected(), "« Masquer » is chosen");
        browser.findElement(By.id("envoyer-decisions")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/") && !page.getCurrentUrl().contains(blocked));
        String recheck = browser.getCurrentUrl().substring((APP + "/depots/").length());
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("En attente d'approbation", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        staff.screenshot("03-controle-de-nouveau");
        assertEquals(2L, uploadsOf(dataset), "one decision, one new check");

        browser.get(APP + "/rapports/" + recheck);
        String applied = browser.findElement(By.id("decisions-appliquees")).getText();
        assertTrue(applied.contains("Colonne « Portable du gardien » masquée"), applied);
        assertTrue(browser.findElements(By.id("decisions-en-attente")).isEmpty(), "nothing left to decide");

        browser.findElement(By.linkText("Voir ou oublier les décisions du jeu de données")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/decisions"));
        String table = browser.findElement(By.id("decisions-memorisees")).getText();
        assertTrue(table.contains("Données personnelles de la colonne « Portable du gardien » : valeurs masquées"), table);
        staff.screenshot("04-decisions-du-jeu");
        browser.findElement(By.cssSelector("#decisions-memorisees button")).click();
        wait.until(page -> !page.findElements(By.id("aucune-decision")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector(".fr-alert--success")).getText().contains("Décision oubliée"));
        assertFalse(browser.getPageSource().contains("\"code\""), "no JSON shown to a person");
        staff.screenshot("05-decision-oubliee");
    }

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
