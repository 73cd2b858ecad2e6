package fr.passerelle.e2e;

import static fr.passerelle.e2e.StaffBrowser.APP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.passerelle.e2e.StaffBrowser.Agent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * L'espace agent's « Mes notifications » and Administration › Webhooks, in headless Chromium on the real stack with
 * notification-service: a contributor's login makes them known to notification-service, they change when a kind of
 * message reaches them and read it back; an administrator adds a webhook whose receiver this test runs on 127.0.0.1,
 * sees its secret once, sends a test that the receiver gets signed with that secret, reads it in the delivery log,
 * and deletes the webhook. Screenshots {@code notifications-*} (1280 and 390 px) in target/screenshots/.
 */
class StaffNotificationsBrowserTest {

    private static final String KIND = "upload.rejected";

    @RegisterExtension
    final StaffBrowser staff = StaffBrowser.open("notifications-", Duration.ofSeconds(90), Duration.ofMillis(250));
    private final WebDriver browser = staff.driver();
    private final WebDriverWait wait = staff.await();

    @BeforeAll
    static void staffAppAndNotificationsRun() {
        StackControl.up("ingest", "quality", "catalog", "publish", "notification", "staff");
    }

    @Test
    void aContributorIsKnownFromTheirLoginAndChangesWhenTheyAreTold() {
        Instant loggedIn = Instant.now().minusSeconds(2);
        browser.get(APP + "/notifications");
        staff.logIn(Agent.CONTRIBUTOR);
        wait.until(page -> page.getCurrentUrl().equals(APP + "/notifications"));
        assertEquals("Mes notifications", browser.findElement(By.tagName("h1")).getText());
        assertEquals(APP + "/notifications", browser.findElement(By.id("menu-notifications")).getAttribute("href"));
        String email = browser.findElement(By.cssSelector("#adresse strong")).getText();
        assertTrue(email.contains("@"), email);

        // The login told notification-service who they are (asynchronously: the page did not wait for it).
        wait.until(page -> seenSince(email, loggedIn));

        List<String> kinds = browser.findElements(By.cssSelector("#formulaire-notifications fieldset")).stream()
                .map(group -> group.getAttribute("id")).toList();
        assertTrue(kinds.contains("sorte-upload-rejected"), "a contributor is offered rejected files: " + kinds);
        assertFalse(kinds.contains("sorte-approval-awaiting"), "approvals are for publishers: " + kinds);
        assertEquals(List.of("Tout de suite", "Dans le résumé du jour", "Jamais"), browser.findElements(
                By.cssSelector("#sorte-upload-rejected label")).stream().map(WebElement::getText).toList());
        staff.screenshot("01-mes-notifications");

        String before = checked(KIND);
        String wanted = "DIGEST".equals(before) ? "NONE" : "DIGEST";
        try {
            choose(KIND, wanted);
            wait.until(page -> page.getCurrentUrl().equals(APP + "/notifications?enregistre=1"));
            assertEquals("Vos préférences sont enregistrées.", browser.findElement(By.id("avis")).getText());
            staff.screenshot("02-mes-notifications-enregistrees");

            browser.get(APP + "/notifications");
            assertEquals(wanted, checked(KIND), "read back from notification-service");
            assertTrue(browser.findElements(By.id("avis")).isEmpty(), "the alert is for the save only");
        } finally {
            // The demo contributor's mail is read by other tests: they get their messages as before.
            browser.get(APP + "/notifications");
            choose(KIND, before);
            wait.until(page -> page.getCurrentUrl().equals(APP + "/notifications?enregistre=1"));
        }
        assertEquals(before, checked(KIND));
    }

    @Test
    void anAdministratorAddsAWebhookSeesItsSecretOnceAndReadsItsSignedTestInTheLog() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            String url = "http://127.0.0.1:" + receiver.port() + "/passerelle/evenements";
            browser.get(APP + "/administration");
            staff.logIn(Agent.ADMINISTRATOR);
            wait.until(page -> page.getCurrentUrl().equals(APP + "/administration"));
            browser.findElement(By.id("gerer-webhooks")).click();
            wait.until(page -> page.getCurrentUrl().equals(APP + "/administration/webhooks"));
            staff.screenshot("03-webhooks");

            // An address the service refuses (a private network's): its French reason beside the field.
            add("https://10.0.0.5/hook");
            wait.until(page -> !page.findElements(By.id("url-erreur")).isEmpty());
            assertEquals("url-erreur", browser.findElement(By.id("url")).getAttribute("aria-describedby"));
            String refusal = browser.findElement(By.id("url-erreur")).getText();
            assertFalse(refusal.isBlank() || refusal.contains("{") || refusal.contains("Exception"), refusal);
            assertEquals("https://10.0.0.5/hook", browser.findElement(By.id("url")).getAttribute("value"));
            staff.screenshot("04-webhooks-adresse-refusee");

            browser.findElement(By.id("url")).clear();
            add(url);
            wait.until(page -> page.getCurrentUrl().startsWith(APP + "/administration/webhooks/secret?cle="));
            String secretPage = browser.getCurrentUrl();
            String secret = browser.findElement(By.id("secret")).getAttribute("value");
            assertTrue(secret.startsWith("whsec_"), "a Standard Webhooks secret");
            assertEquals(url, browser.findElement(By.id("adresse-webhook")).getText());
            assertTrue(browser.findElement(By.id("copier")).isDisplayed(), "the copy button, with script");
            assertTrue(browser.findElement(By.id("verifier-signature")).getText().contains("webhook-signature"));
            staff.screenshot("05-webhook-secret");
            browser.findElement(By.id("voir-webhook")).click();
            wait.until(page -> !page.findElements(By.id("aucune-livraison")).isEmpty());
            String webhookPage = browser.getCurrentUrl();
            assertFalse(browser.getPageSource().contains(secret), "never shown again");

            browser.get(secretPage);
            assertEquals("Secret déjà affiché", browser.findElement(By.tagName("h1")).getText());
            assertFalse(browser.getPageSource().contains(secret));

            browser.get(webhookPage);
            assertEquals("Actif", browser.findElement(By.id("etat")).getAttribute("textContent").strip());
            browser.findElement(By.id("tester")).click();
            wait.until(page -> page.getCurrentUrl().contains("?fait=test"));
            assertTrue(browser.findElement(By.id("avis")).getText().startsWith("Un événement de test est envoyé"));
            new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofSeconds(2)).until(page -> {
                page.navigate().refresh();
                // textContent: the DSFR writes badges in capitals (CSS), getText would read « LIVRÉE ».
                return !page.findElements(By.cssSelector("#livraisons tbody tr")).isEmpty()
                        && page.findElement(By.cssSelector("#livraisons tbody tr")).getAttribute("textContent").contains("Livrée");
            });
            String logged = browser.findElement(By.cssSelector("#livraisons tbody tr")).getAttribute("textContent");
            assertTrue(logged.contains("Test") && logged.contains("204"), logged);
            staff.screenshot("06-webhook-journal");

            // What the receiver got: the test event, signed with the secret shown once.
            assertEquals(1, receiver.requests.size(), "one delivery");
            Receiver.Request request = receiver.requests.get(0);
            assertTrue(request.body().contains("fr.passerelle.webhook.test.v1"), request.body());
            assertTrue(Arrays.asList(request.header("webhook-signature").split(" ")).contains(
                            signature(secret, request.header("webhook-id"), request.header("webhook-timestamp"), request.body())),
                    "the signature verifies with the secret shown: " + request.headers());

            browser.findElement(By.id("supprimer")).click();
            wait.until(page -> page.getCurrentUrl().endsWith("/supprimer"));
            staff.screenshot("07-webhook-suppression");
            browser.findElement(By.id("confirmer-suppression")).click();
            wait.until(page -> page.getCurrentUrl().equals(APP + "/administration/webhooks?fait=supprime"));
            assertFalse(browser.findElement(By.tagName("main")).getText().contains(url), "gone from the list");
        }
    }

    private void add(String url) {
        browser.findElement(By.id("url")).sendKeys(url);
        browser.findElement(By.id("ajouter-webhook")).click();
    }

    /** Clicks the label, as a person does (the DSFR draws its own radio over the input), then « Enregistrer ». */
    private void choose(String kind, String delivery) {
        String field = kind.replaceAll("[^A-Za-z0-9_-]", "-");
        browser.findElement(By.cssSelector("label[for='livraison-" + field + "-" + delivery.toLowerCase() + "']")).click();
        assertEquals(delivery, checked(kind));
        browser.findElement(By.id("enregistrer")).click();
    }

    private String checked(String kind) {
        List<WebElement> radios = browser.findElements(By.cssSelector("input[name='livraison-" + kind + "']:checked"));
        assertEquals(1, radios.size(), "one choice checked for " + kind);
        return radios.get(0).getAttribute("value");
    }

    private static boolean seenSince(String email, Instant since) {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, "notification",
                Stack.secret("PASSERELLE_DB_PASSWORD_NOTIFICATION"));
             PreparedStatement seen = connection.prepareStatement("SELECT seen_at FROM person WHERE email = ?")) {
            seen.setString(1, email);
            try (ResultSet result = seen.executeQuery()) {
                while (result.next()) {
                    Timestamp at = result.getTimestamp(1);
                    if (at != null && at.toInstant().isAfter(since)) {
                        return true;
                    }
                }
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard Webhooks: v1, base64 HMAC-SHA256 of "id.timestamp.body", keyed with the base64 after whsec_. */
    private static String signature(String secret, String id, String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** The organisation's software that listens to the webhook: answers 204 and keeps what it got. */
    private static final class Receiver implements AutoCloseable {

        record Request(Map<String, List<String>> headers, String body) {
            String header(String name) {
                return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                        .map(entry -> entry.getValue().get(0)).findFirst().orElse("");
            }
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Receiver receiver = new Receiver(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
