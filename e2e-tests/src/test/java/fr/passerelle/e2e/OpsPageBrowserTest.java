package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code chromium-driver}): while uploads flow, the throughput it shows moves; a dead letter is
 * listed, and its « Rejouer » button sends it back once its cause is removed.
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

    /** Opens the page, checks it asks for a token before showing dead letters, then gives it an ops token. */
    private void openWithOpsToken() {
        browser.get(Stack.INGEST + "/ops/");
        WebDriverWait wait = new WebDriverWait(browser, Pipeline.PATIENCE, Duration.ofMillis(100));
        wait.until(page -> page.findElement(By.id("etat")).getText().contains("jeton d’exploitation absent"));
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
                "//table[@id='lettres-mortes']//tr[td[2][normalize-space()='" + key + "']]")).stream()
                .findFirst().map(row -> row.getAttribute("data-id")).orElse(null));
        assertTrue(browser.findElement(By.id("etat")).getText().contains("lettre(s) morte(s)"));

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
