package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.e2e.StaffBrowser.Agent;
import fr.passerelle.portals.CkanContractServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole walk of issue 14, in one go, as a person does it in l'espace agent with the mouse and the keyboard only,
 * in headless Chromium on the real stack: the demo contributor logs in on Keycloak's page, drops a spreadsheet as
 * a town hall exports it (Windows-1252, semicolons, decimal commas, dd/mm/yyyy dates, « oui »/« non » and a column
 * of mobile numbers), follows it to the report, settles the personal-data question on « Décider » (the same file
 * checked again), describes the dataset and logs out; the demo publisher approves it, finds it on the public portal,
 * connects a CKAN portal (the contract server, on 127.0.0.1) and sees the push succeed.
 * Each step's page is kept as target/screenshots/parcours-*.png; each step's time (the app's, screenshots left out)
 * is printed as a table at the end.
 */
class StaffJourneyBrowserTest {

    private static final String SCHEMA = "lieux-covoiturage";
    private static final String PHONE = "Téléphone du gestionnaire";

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("parcours-", Duration.ofSeconds(90), Duration.ofMillis(200));
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();
    private final Map<String, Duration> steps = new LinkedHashMap<>();
    private long stepStarted;

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void aContributorAndAPublisherTakeAMessySpreadsheetToThePublicPortalAndACkanPortal() throws IOException {
        long walkStarted = System.nanoTime();
        // A slug typed by the person, new at each run so that runs never see each other's versions.
        String dataset = "covoiturage-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Aires de covoiturage du pays dieppois";

        begin();
        browser.get(APP + "/");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        assertTrue(text(By.id("personne")).contains("Camille Contributrice"), text(By.id("personne")));
        end("1. Connexion de la contributrice (Keycloak)");
        staff.screenshot("01-tableau-de-bord");

        begin();
        browser.findElement(By.linkText("Déposer un fichier")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));
        browser.findElement(By.id("dataset")).sendKeys(dataset);
        new Select(browser.findElement(By.id("schema"))).selectByValue(SCHEMA);
        browser.findElement(By.id("fichier")).sendKeys(townHallExport().toString());
        browser.findElement(By.id("envoyer")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/"));
        String blocked = browser.getCurrentUrl().substring((APP + "/depots/").length());
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("Bloqué : des données personnelles attendent une décision", text(By.id("etat")));
        end("2. Dépôt du fichier, jusqu'au verdict");
        staff.screenshot("02-depot-bloque");

        begin();
        browser.findElement(By.id("lire-rapport")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/rapports/" + blocked));
        assertTrue(text(By.id("decisions-en-attente")).contains("1 décision à prendre"), text(By.id("decisions-en-attente")));
        assertFalse(browser.getPageSource().contains("06 12 34 56 78"), "the report never shows the number itself");
        end("3. Lecture du rapport");
        staff.screenshot("03-rapport");

        begin();
        browser.findElement(By.linkText("Décider")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/depots/" + blocked + "/decisions"));
        List<WebElement> questions = browser.findElements(By.cssSelector("fieldset.question"));
        assertEquals(1, questions.size(), "one question: the phone numbers");
        WebElement question = questions.get(0);
        assertTrue(question.getText().contains("« " + PHONE + " »"), question.getText());
        String drop = question.findElement(By.cssSelector("input[value='supprimer']")).getAttribute("id");
        // DSFR radios are drawn by their label: a person clicks the label.
        question.findElement(By.cssSelector("label[for='" + drop + "']")).click();
        staff.screenshot("04-decider");
        browser.findElement(By.id("envoyer-decisions")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/") && !page.getCurrentUrl().contains(blocked));
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("En attente d'approbation", text(By.id("etat")));
        assertTrue(text(By.id("verdict")).contains("validité 100 %"), text(By.id("verdict")));
        end("4. Décision sur les données personnelles, fichier contrôlé de nouveau");
        staff.screenshot("05-controle-de-nouveau");

        begin();
        browser.findElement(By.linkText("Tableau de bord")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        browser.findElement(By.cssSelector("#jeux-de-donnees a[href='/jeux/" + dataset + "']")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset));
        staff.clickLink("Métadonnées");
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/metadonnees"));
        WebElement titleField = browser.findElement(By.id("titre"));
        titleField.clear(); // it holds the identifier, the title the catalogue gave
        titleField.sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("Les aires et parkings de covoiturage du pays dieppois : "
                + "adresse, nombre de places dont places PMR, éclairage et coordonnées, relevés par le service des mobilités.");
        browser.findElement(By.id("mots-cles")).sendKeys("covoiturage, mobilité, parking");
        new Select(browser.findElement(By.id("licence"))).selectByValue("etalab-2.0");
        new Select(browser.findElement(By.id("frequence"))).selectByValue("annual");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(page -> !page.findElements(By.id("enregistre")).isEmpty());
        assertEquals(title, browser.findElement(By.id("titre")).getAttribute("value"));
        end("5. Métadonnées (titre, description, mots-clés, licence, fréquence)");
        staff.screenshot("06-metadonnees");

        begin();
        browser.findElement(By.id("deconnexion")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/au-revoir"));
        browser.findElement(By.linkText("Se connecter à nouveau")).click();
        staff.logIn(Agent.PUBLISHER);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/tableau-de-bord"));
        end("6. Déconnexion, connexion du publieur");

        begin();
        browser.findElement(By.id("nav-approbations")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/approbations"));
        staff.clickLink(title);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/approbation"));
        assertTrue(text(By.id("en-attente")).contains("version 1"), text(By.id("en-attente")));
        browser.findElement(By.id("commentaire")).sendKeys("Relu avec le service des mobilités.");
        staff.screenshot("07-approbation");
        browser.findElement(By.id("approuver")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/approbation?fait=approuve"));
        assertTrue(text(By.id("decision-faite")).startsWith("Approuvé"), text(By.id("decision-faite")));
        end("7. Approbation par le publieur");

        begin();
        staff.clickLink("Versions");
        wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset));
        // The publication takes a moment: the person reloads the dataset's page until it says « Publiée ».
        new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(500)).until(page -> {
            if (!page.findElements(By.id("page-publique")).isEmpty()) {
                return true;
            }
            page.navigate().refresh();
            return false;
        });
        browser.findElement(By.id("page-publique")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("/portal/" + StaffBrowser.ORG + "/" + dataset));
        assertTrue(text(By.tagName("h1")).contains(title), text(By.tagName("h1")));
        assertTrue(text(By.id("licence")).startsWith("Licence Ouverte"), text(By.id("licence")));
        assertFalse(browser.getPageSource().contains(PHONE), "the phone column is not published");
        end("8. Publication, vue sur le portail public");
        staff.screenshot("08-portail-public");

        try (CkanContractServer ckan = new CkanContractServer()) {
            begin();
            browser.navigate().back();
            wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset));
            staff.clickLink("Portails");
            wait.until(page -> page.getCurrentUrl().equals(APP + "/jeux/" + dataset + "/portails"));
            browser.findElement(By.id("ckan-apiUrl")).sendKeys(ckan.apiUrl());
            browser.findElement(By.id("ckan-organizationId")).sendKeys(CkanContractServer.ORGANIZATION);
            browser.findElement(By.id("ckan-apiKey")).sendKeys(CkanContractServer.TOKEN);
            browser.findElement(By.id("enregistrer-ckan")).click();
            wait.until(page -> page.getCurrentUrl().endsWith("/portails?enregistre=ckan"));
            // Connected after the publication: the published version is sent on the person's demand.
            assertTrue(text(By.id("envoi-ckan")).contains("la version 1 n'y est pas encore"), text(By.id("envoi-ckan")));
            // Nothing was tried yet: the button says « Envoyer », not « Réessayer ».
            assertTrue(browser.findElement(By.id("reessayer-ckan")).getText().startsWith("Envoyer"));
            browser.findElement(By.id("reessayer-ckan")).click();
            wait.until(page -> page.getCurrentUrl().contains("/portails"));
            wait.until(page -> !page.findElements(By.id("envoi-ckan")).isEmpty()
                    && text(page.findElement(By.id("envoi-ckan"))).contains("publié (version 1)"));
            end("9. Connexion d'un portail CKAN et envoi");
            staff.screenshot("09-portails-ckan");
            assertEquals(1, ckan.packages.size(), "one CKAN package");
            assertTrue(ckan.packages.values().iterator().next().toString().contains(title), ckan.packages.toString());
            assertEquals(1, ckan.uploads.size(), "one resource");
            String sent = new String(ckan.uploads.values().iterator().next().get(0), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(sent.contains("1.081183") && sent.contains("2019-06-25"), "the file as fixed: " + sent);
            assertFalse(sent.contains("06 12 34 56 78"), "without the phone numbers");
        }
        report(Duration.ofNanos(System.nanoTime() - walkStarted));
    }

    /**
     * Three car-sharing places as a town hall's spreadsheet saves them: Windows-1252, semicolons, decimal commas,
     * dd/mm/yyyy dates, « oui »/« non », and the manager's mobile number in a column of its own.
     */
    private static Path townHallExport() throws IOException {
        List<List<String>> rows = List.of(
                List.of("id_local", "nom_lieu", "ad_lieu", "com_lieu", "insee", "type", "date_maj", "ouvert", "source",
                        "Xlong", "Ylat", "nbre_pl", "nbre_pmr", "duree", "horaires", "proprio", "lumiere", "comm", PHONE),
                List.of("23X01", "Gare SNCF de Dieppe", "2 Boulevard Georges Clemenceau", "Dieppe", "76217", "Parking",
                        "25/06/2019", "oui", "217602176", "1,081183", "49,921823", "20", "2", "", "24/7",
                        "Ville de Dieppe", "oui", "Correspondance avec la ligne TER Dieppe-Rouen", "06 12 34 56 78"),
                List.of("23X02", "Aire du Val Druel", "Rue du Val Druel", "Dieppe", "76217", "Aire de covoiturage",
                        "14/03/2021", "oui", "217602176", "1,0652", "49,9081", "35", "2", "", "24/7",
                        "Ville de Dieppe", "non", "Près du rond-point de la D925", "06 98 76 54 32"),
                List.of("23X03", "Parking relais de Rouxmesnil", "Route de Paris", "Rouxmesnil-Bouteilles", "76545",
                        "Parking relais", "30/09/2022", "oui", "217602176", "1,1009", "49,9005", "50", "3", "",
                        "Mo-Su 06:00-21:00", "Dieppe-Maritime", "oui", "Navettes vers le centre-ville", ""));
        Path file = Files.createTempDirectory("parcours-").resolve("aires-covoiturage.csv");
        return Files.write(file, Csv.asFrenchExcelExport(rows));
    }

    private String text(By locator) {
        return text(browser.findElement(locator));
    }

    /** What the element says, as written (getText gives what CSS shows: DSFR badges are in capitals). */
    private static String text(WebElement element) {
        return element.getAttribute("textContent").replaceAll("\\s+", " ").strip();
    }

    private void begin() {
        stepStarted = System.nanoTime();
    }

    private void end(String step) {
        steps.put(step, Duration.ofNanos(System.nanoTime() - stepStarted));
    }

    /** The table the README quotes: each step's time in the app, their sum, and the whole walk with screenshots. */
    private void report(Duration walk) {
        StringBuilder table = new StringBuilder("\nParcours d'un agent (secondes, captures d'écran exclues)\n");
        Duration sum = Duration.ZERO;
        for (Map.Entry<String, Duration> step : steps.entrySet()) {
            table.append(String.format("| %-72s | %6.1f |%n", step.getKey(), step.getValue().toMillis() / 1000.0));
            sum = sum.plus(step.getValue());
        }
        table.append(String.format("| %-72s | %6.1f |%n", "Total des étapes", sum.toMillis() / 1000.0));
        table.append(String.format("| %-72s | %6.1f |%n", "Parcours entier, captures d'écran comprises", walk.toMillis() / 1000.0));
        System.out.println(table);
    }
}
