package fr.passerelle.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * the dataset, read the preview, see its points on the Leaflet map (and a popup), download the CSV;
 * the DSFR pages read on a desk and on a phone, by keyboard and screen reader (skip links, headings,
 * captions, contrast), with screenshots under {@code target/screenshots/portail-*}.
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
        List<WebElement> previewRows = browser.findElements(By.cssSelector("#apercu table tbody tr"));
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

    @Test
    void theHomeTheDatasetPageAndAMissingPageReadWellOnADeskAndAPhone() {
        String dataset = Pipeline.freshDataset("arceaux-dsfr");
        String title = "Parkings vélo " + dataset;
        publish(dataset, title, ",\"description\":\"Les arceaux et abris vélo de la ville, avec leur capacité.\","
                + "\"keywords\":[\"vélo\",\"stationnement\",\"mobilité\"],\"frequency\":\"monthly\"");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));

        browser.get(Stack.PUBLISH + "/?q=" + dataset);
        HeadlessChromium.screenshot(browser, "portail-accueil");
        readsWell("l'accueil");
        assertEquals("Passerelle — données ouvertes",
                browser.findElement(By.cssSelector(".fr-header__service-title")).getText());
        WebElement row = browser.findElement(By.cssSelector("#jeux-de-donnees tbody tr"));
        assertTrue(row.getText().contains("Portail navigateur"), "the organisation's name, not its identifier: " + row.getText());
        // The whole home table, every dataset of this stack, on a phone: it scrolls inside its box, not the page.
        browser.get(Stack.PUBLISH + "/");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(0L, sidewaysOverflow(), "the home page does not scroll sideways at 390 px");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.get(Stack.PUBLISH + "/portal/" + ORG + "/" + dataset);
        wait.until(page -> page.findElement(By.id("carte")).getAttribute("data-points") != null);
        HeadlessChromium.screenshot(browser, "portail-jeu-de-donnees");
        readsWell("la page du jeu de données");
        assertTrue(browser.findElement(By.id("conformite")).getText().toLowerCase().startsWith("conforme au schéma"),
                "the conformity badge");
        assertEquals(List.of("vélo", "stationnement", "mobilité"), browser.findElements(By.cssSelector("#mots-cles .fr-tag"))
                .stream().map(WebElement::getText).toList());
        assertEquals("Portail navigateur", browser.findElement(By.id("organisation")).getText());
        assertEquals("Licence Ouverte / Open Licence version 2.0", browser.findElement(By.id("licence")).getText());
        assertEquals("Mensuelle", browser.findElement(By.id("frequence")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("#versions tbody tr")).size());
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(0L, sidewaysOverflow(), "the dataset page does not scroll sideways at 390 px");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // Followed by address: the links are the footer's, checked where they stand.
        browser.get(footerLink("Mentions légales", "/mentions-legales"));
        wait.until(page -> page.findElement(By.tagName("h1")).getText().equals("Mentions légales"));
        readsWell("les mentions légales");
        browser.get(footerLink("Accessibilité : non conforme", "/accessibilite"));
        wait.until(page -> page.findElement(By.tagName("h1")).getText().equals("Déclaration d'accessibilité"));
        readsWell("la déclaration d'accessibilité");

        browser.get(Stack.PUBLISH + "/portal/" + ORG + "/" + Pipeline.freshDataset("inconnu"));
        HeadlessChromium.screenshot(browser, "portail-404");
        readsWell("la page introuvable");
        assertEquals("Page introuvable", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("probleme")).getText().contains("n'est publiée"));
        browser.get(browser.findElement(By.linkText("Retour à l'accueil du portail")).getAttribute("href"));
        wait.until(page -> page.getTitle().equals("Données publiques — Passerelle"));
    }

    /**
     * What every page of the portal owes a person: French, a skip link first in the keyboard's order that reaches the
     * content, one h1 and no skipped heading level, a caption on every table, text contrast of at least 4.5:1.
     */
    private void readsWell(String what) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        assertEquals("fr", browser.findElement(By.tagName("html")).getAttribute("lang"), what);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        WebElement first = browser.switchTo().activeElement();
        assertEquals("Contenu", first.getText(), what + " : the first Tab reaches the skip link");
        assertTrue(first.getAttribute("href").endsWith("#contenu"), what);
        assertEquals(1, browser.findElements(By.cssSelector("main#contenu")).size(), what + " : the skip link's target");
        assertEquals(1, browser.findElements(By.tagName("h1")).size(), what + " : one h1");
        @SuppressWarnings("unchecked")
        List<Long> levels = (List<Long>) script.executeScript("return Array.from(document.querySelectorAll("
                + "'main h1, main h2, main h3, main h4')).map(h => Number(h.tagName.substring(1)));");
        assertEquals(1L, levels.get(0), what + " : the h1 opens the content");
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(levels.get(i) <= levels.get(i - 1) + 1, what + " : no heading level skipped " + levels);
        }
        for (WebElement table : browser.findElements(By.tagName("table"))) {
            assertFalse(table.findElement(By.tagName("caption")).getAttribute("textContent").isBlank(), what + " : table caption");
        }
        @SuppressWarnings("unchecked")
        List<String> poor = (List<String>) script.executeScript(CONTRAST);
        assertEquals(List.of(), poor, what + " : text below 4.5:1 contrast");
    }

    /** The WCAG contrast ratio of each visible text of main and the footer against its nearest opaque background. */
    private static final String CONTRAST = """
            function rgb(value) { var m = value.match(/[\\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; }
            function luminance(c) {
              return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
            }
            function background(element) {
              for (var e = element; e; e = e.parentElement) {
                var c = rgb(getComputedStyle(e).backgroundColor);
                if (c.a > 0.9) { return c; }
              }
              return { r: 255, g: 255, b: 255, a: 1 };
            }
            var poor = [];
            document.querySelectorAll('main *, footer *').forEach(function (e) {
              var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (!own || e.closest('.leaflet-container') || e.closest('.fr-sr-only') || !e.getClientRects().length) { return; }
              var fg = luminance(rgb(getComputedStyle(e).color)), bg = luminance(background(e));
              var ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
              if (ratio < 4.5) { poor.push(e.tagName + ' « ' + e.textContent.trim().slice(0, 40) + ' » ' + ratio.toFixed(2)); }
            });
            return poor;
            """;

    private String footerLink(String text, String path) {
        String href = browser.findElement(By.cssSelector("footer#pied-de-page")).findElement(By.linkText(text)).getAttribute("href");
        assertEquals(Stack.PUBLISH + path, href);
        return href;
    }

    private long sidewaysOverflow() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    private static void publish(String dataset, String title) {
        publish(dataset, title, "");
    }

    /** @param moreMetadata more fields of the catalogue's metadata, as JSON members after the title */
    private static void publish(String dataset, String title, String moreMetadata) {
        String upload = Pipeline.accepted(ORG, dataset, SCHEMA, "arceaux.csv", Csv.asFrenchExcelExport(rows()));
        Pipeline.awaitStatus(upload, "AWAITING_APPROVAL");
        given().baseUri(Stack.CATALOG).contentType("application/json")
                .body("{\"title\":\"" + title + "\"" + moreMetadata + "}")
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
