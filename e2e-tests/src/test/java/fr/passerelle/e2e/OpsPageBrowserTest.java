package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.CloudEventHeaders;
import fr.passerelle.contracts.Topics;
import fr.passerelle.contracts.UploadReceived;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops page of the ingest service in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): it says plainly when it may not read; it shows every service's health and
 * each consumer group's lag; while uploads flow, the throughput it shows moves; a dead letter is
 * listed with its time, upload, organisation and French reason, and its « Rejouer » button sends it
 * back once its cause is removed; « Tout rejouer » replays every dead letter of one cause.
 */
class OpsPageBrowserTest {

    private static final String ORG = "exploitation";
    private static final String SCHEMA = "stationnement-cyclable";

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * Opens the page, checks it says plainly that it may not read without a token (never an empty list),
     * then gives it an ops token.
     */
    private void openWithOpsToken() {
        browser.get(Stack.INGEST + "/ops/");
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(page -> page.findElement(By.id("etat")).getText().contains("jeton d’exploitation absent"));
        wait.until(page -> page.findElement(By.cssSelector("#lettres-mortes tbody")).getText().contains("Lecture refusée (401)"));
        assertFalse(browser.findElement(By.cssSelector("#lettres-mortes tbody")).getText().contains("Aucune lettre morte"));
        assertTrue(browser.findElement(By.cssSelector("#services tbody")).getText().contains("Lecture refusée (401)"));
        // A token without the ops role is told apart from a missing one.
        browser.findElement(By.id("jeton")).sendKeys(Auth.staff(ORG));
        browser.findElement(By.cssSelector("#connexion button")).click();
        wait.until(page -> page.findElement(By.cssSelector("#lettres-mortes tbody")).getText().contains("Lecture refusée (403)"));
        browser.findElement(By.id("jeton")).sendKeys(Auth.ops());
        browser.findElement(By.cssSelector("#connexion button")).click();
        wait.until(page -> !page.findElement(By.id("etat")).getText().contains("jeton"));
    }

    @Test
    void theOpsPageShowsThroughputMoveWhileUploadsFlow() {
        openWithOpsToken();
        assertEquals("Passerelle — exploitation", browser.getTitle());
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.until(page -> !page.findElement(By.id("mise-a-jour")).getText().equals("jamais"));
        assertTrue(browser.findElement(By.id("etat")).getAttribute("class").matches("etat (ok|erreur)"));
        long before = total(Topics.QUALITY_CHECKED);
        wait.until(page -> page.findElements(By.cssSelector("#lettres-mortes tbody tr")).size() > 0);

        byte[] content = Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv")));
        List<String> uploads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            uploads.add(Pipeline.accepted(ORG, Pipeline.freshDataset("debit"), SCHEMA, "velos.csv", content));
        }
        // The page computes throughput between two of its polls: it is above zero for one poll
        // after messages arrived, so the check looks every 100 ms.
        wait.until(page -> rate(Topics.QUALITY_CHECKED) > 0);
        uploads.forEach(id -> Pipeline.awaitStatus(id, "AWAITING_APPROVAL"));
        wait.until(page -> total(Topics.QUALITY_CHECKED) >= before + uploads.size());
    }

    @Test
    void aDeadLetterIsReplayedFromItsButton() throws IOException {
        String dataset = Pipeline.freshDataset("bouton");
        MissingFileUpload poison = MissingFileUpload.send(ORG, dataset); // quality cannot read its file yet
        String eventId = poison.eventId();
        UploadReceived event = poison.event();

        openWithOpsToken();
        // The page redraws its tables at every poll: an element found just before may be gone.
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        String key = event.key();
        String id = wait.until(page -> page.findElements(By.xpath(
                "//table[@id='lettres-mortes']//tr[.//span[@class='cle'][normalize-space()='" + key + "']]")).stream()
                .findFirst().map(row -> row.getAttribute("data-id")).orElse(null));
        assertTrue(browser.findElement(By.id("etat")).getText().contains("lettre(s) morte(s)"));
        // Its time, organisation, upload and a French reason beside the technical one.
        WebElement row = browser.findElement(By.cssSelector("#lettres-mortes tr[data-id='" + id + "']"));
        assertTrue(row.findElement(By.cssSelector("td.date")).getText().matches("\\d{2}/\\d{2}/\\d{4}.*\\d{2}:\\d{2}:\\d{2}"),
                row.findElement(By.cssSelector("td.date")).getText());
        assertEquals(Topics.UPLOAD_RECEIVED, row.findElement(By.cssSelector("span.topic")).getText());
        // The service that gave up (its consumer group, stamped on what it read): quality could not read the file.
        assertEquals("quality-service", row.findElement(By.cssSelector("span.service")).getText());
        assertEquals(ORG, row.findElement(By.cssSelector("span.organisation")).getText());
        assertEquals(event.uploadId(), row.findElement(By.cssSelector("span.depot")).getText());
        assertEquals("fichier-absent-du-stockage", row.getAttribute("data-cause"));
        assertTrue(row.findElement(By.cssSelector("td.motif")).getText()
                .startsWith("Le fichier à traiter est introuvable dans le stockage."), row.getText());
        // The technical reason is one click away (folded), not the first thing a person reads.
        String technical = row.findElement(By.cssSelector("p.technique")).getAttribute("textContent");
        assertTrue(technical.contains("StorageException"), "the technical reason: " + technical);
        screenshot("ops-lettres-mortes");

        poison.putTheFile(); // the cause is removed
        wait.until(page -> {
            page.findElement(By.cssSelector("button.rejouer[data-id='" + id + "']")).click();
            return true;
        });
        wait.until(page -> page.findElement(By.id("message-rejeu")).getText().contains("rejouée"));
        assertTrue(browser.findElement(By.id("message-rejeu")).getText().contains(id));
        wait.until(page -> page.findElements(By.cssSelector("#lettres-mortes tr[data-id='" + id + "']")).isEmpty());
        Kafka.await(Topics.QUALITY_CHECKED, r -> event.subject().equals(Kafka.header(r, CloudEventHeaders.SUBJECT)));
    }

    @Test
    void theOpsPageShowsEveryServiceAndEachConsumerGroupsLag() throws IOException {
        // One upload through quality and catalog, so that their groups have committed offsets to compare.
        String upload = Pipeline.accepted(ORG, Pipeline.freshDataset("retard"), SCHEMA, "velos.csv",
                Csv.asFrenchExcelExport(Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"))));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        openWithOpsToken();
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        for (String service : List.of("ingest-service", "quality-service", "catalog-service", "publish-service",
                "notification-service")) {
            wait.until(page -> "UP".equals(page.findElement(By.cssSelector("#services tr[data-service='" + service + "']"))
                    .getAttribute("data-etat")));
        }
        // Every service's consumer group, not only ingest's: read from the broker.
        wait.until(page -> !page.findElements(By.cssSelector(
                "#retard tr[data-groupe='quality-service'][data-topic='" + Topics.UPLOAD_RECEIVED + "']")).isEmpty());
        wait.until(page -> !page.findElements(By.cssSelector(
                "#retard tr[data-groupe='catalog-service'][data-topic='" + Topics.QUALITY_CHECKED + "']")).isEmpty());
        String lag = browser.findElement(By.cssSelector(
                "#retard tr[data-groupe='quality-service'][data-topic='" + Topics.UPLOAD_RECEIVED + "'] td.retard")).getText();
        assertTrue(lag.matches("\\d+"), lag);
        screenshot("ops-services");
    }

    @Test
    void everyDeadLetterOfACauseIsReplayedFromOneButton() throws IOException {
        List<MissingFileUpload> poisons = List.of(MissingFileUpload.send(ORG, Pipeline.freshDataset("cause")),
                MissingFileUpload.send(ORG, Pipeline.freshDataset("cause")));
        openWithOpsToken();
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        List<String> ids = new ArrayList<>();
        for (MissingFileUpload poison : poisons) {
            ids.add(wait.until(page -> page.findElements(By.xpath("//table[@id='lettres-mortes']//tr[.//span[@class='cle'][normalize-space()='"
                    + poison.event().key() + "']]")).stream().findFirst().map(row -> row.getAttribute("data-id")).orElse(null)));
        }
        String cause = "fichier-absent-du-stockage";
        String count = browser.findElement(By.cssSelector("#causes tr[data-cause='" + cause + "'] td.nombre")).getText();
        assertTrue(Integer.parseInt(count) >= 2, count);
        screenshot("ops-causes");

        poisons.forEach(MissingFileUpload::putTheFile); // the cause is removed, for both
        wait.until(page -> {
            page.findElement(By.cssSelector("button.rejouer-cause[data-cause='" + cause + "']")).click();
            return true;
        });
        wait.until(page -> page.findElement(By.id("message-rejeu")).getText().contains("rejouée(s)"));
        String message = browser.findElement(By.id("message-rejeu")).getText();
        ids.forEach(id -> assertTrue(message.contains(id), message));
        for (MissingFileUpload poison : poisons) {
            Kafka.await(Topics.QUALITY_CHECKED, r -> poison.event().subject().equals(Kafka.header(r, CloudEventHeaders.SUBJECT)));
        }
        wait.until(page -> page.findElements(By.cssSelector("#causes tr[data-cause='" + cause + "']")).isEmpty());
    }

    private void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }

    /** The total the page shows for a topic's successfully consumed messages; 0 when no row yet. */
    private long total(String topic) {
        return cell(topic, "total").map(text -> (long) Double.parseDouble(text)).orElse(0L);
    }

    private double rate(String topic) {
        return cell(topic, "debit").map(Double::parseDouble).orElse(0.0);
    }

    private Optional<String> cell(String topic, String column) {
        try {
            List<WebElement> cells = browser.findElements(By.cssSelector(
                    "#debit tr[data-topic='" + topic + "'][data-resultat='success'] td." + column));
            return cells.isEmpty() ? Optional.empty() : Optional.of(cells.get(0).getText().trim());
        } catch (StaleElementReferenceException e) {
            return Optional.empty(); // the table was redrawn between finding the cell and reading it
        }
    }
}
