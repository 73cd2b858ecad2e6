package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Following what became of one's files in l'espace agent, in headless Chromium on the real stack: a file dropped on
 * « Déposer » and refused shows on the dashboard although its dataset has no version, with its report, whose
 * annotated XLSX and error list download through the app; a version a publisher refused says so on its upload's
 * page; an older published version downloads from the history; a saved coverage date and contact are emptied.
 * Screenshots in target/screenshots/ (suivi-*).
 */
class StaffFollowUpBrowserTest {

    private static final String APP = System.getProperty("passerelle.staff.url", "http://127.0.0.1:8085");
    private static final String ORG = System.getProperty("passerelle.demo.org", "demo");
    private static final String SCHEMA = "stationnement-cyclable";
    private static final List<List<String>> EXAMPLE = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("suivi-");
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppRuns() {
        StaffBrowser.staffAppRuns();
    }

    @Test
    void aFirstFileDroppedAndRefusedShowsOnTheDashboardWithItsReportAndDownloads() {
        browser.get(APP + "/deposer");
        staff.logIn(StaffBrowser.Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/deposer"));
        String dataset = Pipeline.freshDataset("refuse-premier");
        browser.findElement(By.id("dataset")).sendKeys(dataset);
        new Select(browser.findElement(By.id("schema"))).selectByValue(SCHEMA);
        assertTrue(browser.findElement(By.cssSelector("#zone-depot .avec-glisser")).isDisplayed(),
                "with script, the frame offers dragging");

        // Dropped from the desktop: the browser hands the page a DataTransfer with the file, as here.
        String refused = new String(Csv.asUtf8(withCapacity("beaucoup")), java.nio.charset.StandardCharsets.UTF_8);
        ((JavascriptExecutor) browser).executeScript("""
                const zone = document.getElementById('zone-depot');
                const transfer = new DataTransfer();
                transfer.items.add(new File([arguments[0]], 'arceaux-refuses.csv', {type: 'text/csv'}));
                for (const type of ['dragenter', 'dragover']) {
                  zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: transfer}));
                }
                """, refused);
        wait.until(page -> page.findElement(By.id("zone-depot")).getAttribute("class").contains("zone-glisser--survol"));
        staff.screenshot("01-glisser");
        ((JavascriptExecutor) browser).executeScript("""
                const transfer = new DataTransfer();
                transfer.items.add(new File([arguments[0]], 'arceaux-refuses.csv', {type: 'text/csv'}));
                document.getElementById('zone-depot').dispatchEvent(
                    new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: transfer}));
                """, refused);
        assertEquals("Fichier retenu : « arceaux-refuses.csv ».", browser.findElement(By.id("fichier-choisi")).getText());
        assertEquals(1L, ((JavascriptExecutor) browser).executeScript("return document.getElementById('fichier').files.length;"));
        assertFalse(browser.findElement(By.id("zone-depot")).getAttribute("class").contains("zone-glisser--survol"));
        staff.screenshot("02-fichier-depose");
        browser.findElement(By.id("envoyer")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(APP + "/depots/"));
        String uploadId = browser.getCurrentUrl().substring((APP + "/depots/").length());
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("Refusé : le fichier contient des erreurs", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        StaffTokenFilter.remember(uploadId, ORG); // sent by the app: the tests' own requests ask as staff of ORG
        assertEquals("arceaux-refuses.csv", Pipeline.status(uploadId).getString("filename"), "the dropped file was sent");

        // The catalogue knows no version of it: the dashboard still lists it, first under « À traiter ».
        browser.get(APP + "/tableau-de-bord");
        String todo = browser.findElement(By.id("a-refaire-" + dataset)).getText();
        assertTrue(todo.contains("aucun fichier accepté"), todo);
        String row = browser.findElement(By.id("jeu-" + dataset)).getText();
        assertTrue(row.contains("Aucune version") && row.contains("« arceaux-refuses.csv »")
                && row.contains("Refusé : le fichier contient des erreurs"), row);
        staff.screenshot("03-tableau-de-bord");
        browser.findElement(By.cssSelector("#jeu-" + dataset + " a[href='/rapports/" + uploadId + "']")).click();
        wait.until(page -> page.getCurrentUrl().equals(APP + "/rapports/" + uploadId));
        assertTrue(browser.findElement(By.id("verdict")).getText().contains("non conforme"));
        staff.screenshot("04-rapport");

        // The report's files, through the app with the person's session, under the dataset's name.
        Map<String, Object> xlsx = fetch(browser.findElement(By.id("telecharger-annote")).getAttribute("href"));
        assertEquals(200L, xlsx.get("status"), xlsx.toString());
        assertEquals("attachment; filename=\"" + dataset + "-annote.xlsx\"", xlsx.get("disposition"));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.get("type"));
        assertTrue(((String) xlsx.get("start")).startsWith("PK"), "a zip, as an XLSX is");
        Map<String, Object> errors = fetch(browser.findElement(By.id("telecharger-erreurs")).getAttribute("href"));
        assertEquals(200L, errors.get("status"), errors.toString());
        assertEquals("attachment; filename=\"" + dataset + "-erreurs.csv\"", errors.get("disposition"));
        assertTrue(((String) errors.get("text")).contains("beaucoup"), (String) errors.get("text"));

        // Another upload's (or no upload's) file is a French page, not JSON.
        browser.get(APP + "/rapports/" + UUID.randomUUID() + "/erreurs.csv");
        assertEquals("Introuvable", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("la liste des erreurs de ce dépôt"));
        assertFalse(browser.getPageSource().contains("\"code\""), "no JSON shown to a person");
        staff.screenshot("05-fichier-introuvable");
    }

    @Test
    void aRefusedVersionSaysSoAnOlderVersionDownloadsAndClearedMetadataStayCleared() {
        String dataset = Pipeline.freshDataset("suivi-versions");
        String first = Pipeline.accepted(ORG, dataset, SCHEMA, "v1.csv", Csv.asFrenchExcelExport(EXAMPLE));
        Pipeline.awaitStatus(first, "AWAITING_APPROVAL");
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(first, "PUBLISHED");
        given().baseUri(Stack.CATALOG).contentType("application/json").body("{\"alwaysAsk\":true}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        String second = Pipeline.accepted(ORG, dataset, SCHEMA, "v2.csv", Csv.asFrenchExcelExport(withCapacity("99")));
        Pipeline.awaitStatus(second, "AWAITING_APPROVAL");
        Auth.with(Auth.as("publieur@" + ORG + ".fr", ORG, "publisher")).baseUri(Stack.CATALOG)
                .contentType("application/json").body(Map.of("comment", "La capacité de 99 places est une erreur de saisie."))
                .when().post("/api/v1/datasets/{org}/{dataset}/refusal", ORG, dataset).then().statusCode(200);
        Pipeline.awaitStatus(second, "REFUSED");

        // The upload's page: refused by a publisher, with their words, no longer « en attente ».
        browser.get(APP + "/depots/" + second);
        staff.logIn(StaffBrowser.Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/depots/" + second));
        wait.until(page -> !page.findElements(By.id("verdict")).isEmpty());
        assertEquals("Refusé par un publieur : cette version ne sera pas publiée",
                browser.findElement(By.id("etat")).getAttribute("textContent").strip());
        String stages = browser.findElement(By.id("liste-etapes")).getText();
        assertTrue(stages.contains("Approbation : Version 2 refusée par un publieur : La capacité de 99 places est une erreur de saisie."),
                stages);
        assertTrue(browser.findElement(By.id("verdict")).getAttribute("class").contains("fr-alert--error"));
        assertEquals(APP + "/rapports/" + second, browser.findElement(By.id("lire-rapport")).getAttribute("href"));
        staff.screenshot("06-version-refusee");

        // The history: version 1, published, downloads; version 2, refused, does not.
        browser.get(APP + "/jeux/" + dataset);
        String older = browser.findElement(By.id("telecharger-version-1")).getAttribute("href");
        assertTrue(older.endsWith("/portal/" + ORG + "/" + dataset + "/versions/1.csv"), older);
        assertTrue(browser.findElements(By.id("telecharger-version-2")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("#historique tbody tr")).getText().contains("jamais publiée"));
        // On a desk (the window is 1280 px wide) the history fits: its download links show without scrolling sideways.
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "const box = document.querySelector('#historique .fr-table__content'); return box.scrollWidth - box.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "the history is " + overflow + " px too wide at 1280 px");
        Response csv = given().when().get(older);
        assertEquals(200, csv.statusCode());
        assertEquals("1", csv.header("X-Passerelle-Version"));
        staff.screenshot("07-versions");

        // Métadonnées: a date and a contact saved, then emptied, stay empty.
        browser.get(APP + "/jeux/" + dataset + "/metadonnees");
        setDate("debut", "2024-01-01");
        setDate("fin", "2024-12-31");
        replace("contact-nom", "Service mobilités");
        replace("contact-email", "mobilites@demo.fr");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(page -> !page.findElements(By.id("enregistre")).isEmpty());
        assertEquals("2024-01-01", browser.findElement(By.id("debut")).getAttribute("value"));
        setDate("debut", "");
        replace("contact-nom", "");
        replace("contact-email", "");
        browser.findElement(By.id("enregistrer")).click();
        wait.until(page -> !page.findElements(By.id("enregistre")).isEmpty());
        browser.get(APP + "/jeux/" + dataset + "/metadonnees");
        assertEquals("", browser.findElement(By.id("debut")).getAttribute("value"));
        assertEquals("2024-12-31", browser.findElement(By.id("fin")).getAttribute("value"), "the end, kept, stays");
        assertEquals("", browser.findElement(By.id("contact-nom")).getAttribute("value"));
        assertEquals("", browser.findElement(By.id("contact-email")).getAttribute("value"));
        JsonPath saved = given().baseUri(Stack.CATALOG).when().get("/api/v1/datasets/{org}/{dataset}", ORG, dataset)
                .then().statusCode(200).extract().jsonPath();
        assertNull(saved.get("temporalStart"));
        assertEquals("2024-12-31", saved.getString("temporalEnd"));
        assertNull(saved.get("contactName"));
        assertNull(saved.get("contactEmail"));
        staff.screenshot("08-metadonnees-videes");
    }

    /** The national example with every bike park's capacity set to {@code value}. */
    private static List<List<String>> withCapacity(String value) {
        int capacity = EXAMPLE.get(0).indexOf("capacite");
        List<List<String>> rows = new ArrayList<>();
        rows.add(EXAMPLE.get(0));
        for (List<String> row : EXAMPLE.subList(1, EXAMPLE.size())) {
            List<String> changed = new ArrayList<>(row);
            changed.set(capacity, value);
            rows.add(changed);
        }
        return rows;
    }

    /** Fetches a link as the page would, with the person's session: status, headers and the start of the body. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String url) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async answer => {
                  const bytes = new Uint8Array(await answer.arrayBuffer());
                  done({status: answer.status, type: answer.headers.get('content-type'),
                        disposition: answer.headers.get('content-disposition'),
                        start: String.fromCharCode(...bytes.slice(0, 2)),
                        text: new TextDecoder().decode(bytes.slice(0, 4000))});
                }).catch(error => done({status: -1, error: String(error)}));
                """, url);
    }

    private void replace(String id, String text) {
        browser.findElement(By.id(id)).clear();
        if (!text.isEmpty()) {
            browser.findElement(By.id(id)).sendKeys(text);
        }
    }

    /** A date field's value as the browser's date picker sets it (its typing order depends on the locale). */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", browser.findElement(By.id(id)), isoDate);
    }
}
