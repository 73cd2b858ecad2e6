package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public portal as a visitor uses it, in headless Chromium: search from the home page, open
 * the dataset, read the preview, see its points on the Leaflet map (and a popup), download the CSV.
 */
class PortalBrowserTest {

    private static final String ORG = "portail-navigateur";
    private static final String SCHEMA = "stationnement-cyclable";
    private static final double[][] POINTS = {{5.7145295, 45.191463}, {5.7250, 45.1880}, {5.7310, 45.1760}};

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

    @Test
    void aVisitorSearchesOpensTheDatasetSeesPreviewAndMapAndDownloadsTheCsv() throws IOException {
        String dataset = Pipeline.freshDataset("arceaux-carte");
        String title = "Parkings vélo " + dataset;
        publish(dataset, title);

        browser.get(Stack.PUBLISH + "/");
        assertEquals("Données publiques — Passerelle", browser.getTitle());
        WebElement search = browser.findElement(By.cssSelector("label[for='q'] + input#q"));
        search.sendKeys(dataset);
        browser.findElement(By.cssSelector("form[role='search'] button[type='submit']")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        wait.until(page -> page.getCurrentUrl().contains("q=" + dataset));
        browser.findElement(By.linkText(title)).click();

        wait.until(page -> page.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().equals(title)));
        List<WebElement> previewRows = browser.findElements(By.cssSelector(".scroll table tbody tr"));
        assertEquals(POINTS.length, previewRows.size(), "one preview row per published row");
        assertEquals("STSI02", previewRows.get(1).findElement(By.tagName("td")).getText());

        // Leaflet draws one SVG circle per point once the GeoJSON has arrived.
        wait.until(page -> String.valueOf(POINTS.length).equals(
                page.findElement(By.id("carte")).getAttribute("data-points")));
        List<WebElement> markers = browser.findElements(By.cssSelector("#carte path.leaflet-interactive"));
        assertEquals(POINTS.length, markers.size());
        assertEquals("3 points sur la carte.", browser.findElement(By.id("carte-etat")).getText());
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", markers.get(0));
        // Selenium's visible text depends on the popup's fade-in and panning: read its content instead.
        String popup = wait.until(page -> page.findElements(By.cssSelector(".leaflet-popup-content dl")).stream()
                .map(element -> element.getAttribute("textContent")).filter(text -> !text.isBlank())
                .findFirst().orElse(null));
        assertTrue(popup.startsWith("id_localSTSI0"), popup);

        browser.findElement(By.xpath("//h2[.='Télécharger']/following-sibling::ul[1]//a[.='CSV']")).click();
        Path downloaded = chromium.downloads().resolve(dataset + ".csv");
        wait.until(page -> Files.exists(downloaded) && sizeOf(downloaded) > 0);
        byte[] served = given().baseUri(Stack.PUBLISH).when().get("/portal/{org}/{dataset}/latest.csv", ORG, dataset)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(served, Files.readAllBytes(downloaded), "the browser saved the published CSV");
        assertEquals(POINTS.length + 1, Csv.rows(downloaded).size());
    }

    @Test
    void theDatasetPageFitsAPhoneScreen() {
        String dataset = Pipeline.freshDataset("arceaux-mobile");
        publish(dataset, "Parkings vélo " + dataset);
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(Stack.PUBLISH + "/portal/" + ORG + "/" + dataset);
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling of the page itself (the preview scrolls in its box)");
        WebElement map = browser.findElement(By.id("carte"));
        assertTrue(map.getSize().getWidth() <= 375 && map.getSize().getHeight() > 200, "the map fits the screen");
    }

    private static void publish(String dataset, String title) {
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "arceaux.csv", Csv.asFrenchExcelExport(rows()));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        given().baseUri(Stack.CATALOG).contentType("application/json").body("{\"title\":\"" + title + "\"}")
                .when().put("/api/v1/datasets/{org}/{dataset}", ORG, dataset).then().statusCode(200);
        Pipeline.approve(ORG, dataset);
        Pipeline.awaitStatus(upload, "PUBLISHED");
    }

    /** The national example's row, three times at three places in Grenoble. */
    private static List<List<String>> rows() {
        List<List<String>> example = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        List<String> header = example.get(0);
        int id = header.indexOf("id_local");
        int osm = header.indexOf("id_osm");
        int point = header.indexOf("coordonneesxy");
        List<List<String>> rows = new ArrayList<>(List.of(header));
        for (int i = 0; i < POINTS.length; i++) {
            List<String> row = new ArrayList<>(example.get(1));
            row.set(id, "STSI0" + (i + 1));
            row.set(osm, "n7172973" + i);
            row.set(point, "[" + POINTS[i][0] + "," + POINTS[i][1] + "]");
            rows.add(row);
        }
        return rows;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
