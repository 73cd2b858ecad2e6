package fr.passerelle.e2e;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in l'espace agent: headless Chromium on the staff app, logging in on Keycloak's own login page as one
 * of the demo agents that {@code ./passerelle up} creates, its screenshots named under the test's prefix.
 * A test registers it on a field ({@code @RegisterExtension final StaffBrowser staff = StaffBrowser.open(…)}):
 * the browser opens with the test's instance and is closed after the test, whatever its outcome.
 */
final class StaffBrowser implements AfterEachCallback {

    static final String APP = System.getProperty("passerelle.staff.url", "http://127.0.0.1:8085");
    static final String KEYCLOAK = System.getProperty("passerelle.keycloak.url", "http://127.0.0.1:8180");
    static final String ORG = System.getProperty("passerelle.demo.org", "demo");

    /** The demo agents of the organisation {@link #ORG}, one per role, whose passwords are in secrets.env. */
    enum Agent {
        CONTRIBUTOR("contributeur", "PASSERELLE_DEMO_PASSWORD_CONTRIBUTOR"),
        PUBLISHER("publieur", "PASSERELLE_DEMO_PASSWORD_PUBLISHER"),
        ADMINISTRATOR("administrateur", "PASSERELLE_DEMO_PASSWORD_ADMIN");

        private final String login;
        private final String secret;

        Agent(String login, String secret) {
            this.login = login;
            this.secret = secret;
        }

        String login() {
            return login + "@" + ORG;
        }

        String password() {
            return Stack.secret(secret);
        }
    }

    private final HeadlessChromium chromium;
    private final WebDriverWait wait;
    private final String screenshotPrefix;

    private StaffBrowser(HeadlessChromium chromium, WebDriverWait wait, String screenshotPrefix) {
        this.chromium = chromium;
        this.wait = wait;
        this.screenshotPrefix = screenshotPrefix;
    }

    /** A browser whose waits give up after a minute; screenshots go to target/screenshots/PREFIX…. */
    static StaffBrowser open(String screenshotPrefix) {
        return open(screenshotPrefix, Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    static StaffBrowser open(String screenshotPrefix, Duration patience, Duration polling) {
        HeadlessChromium chromium = HeadlessChromium.open();
        WebDriverWait wait = new WebDriverWait(chromium.driver(), patience, polling);
        // A part of the page that scripts redraw (the metadata score as one types) leaves a condition holding a
        // replaced element: that is the page moving on, to be looked at again at the next poll, not a failure.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return new StaffBrowser(chromium, wait, screenshotPrefix);
    }

    /** The staff app runs with the whole stack; a fault test may have restarted only the four services. */
    static void staffAppRuns() {
        StackControl.up("ingest", "quality", "catalog", "publish", "staff");
    }

    WebDriver driver() {
        return chromium.driver();
    }

    WebDriverWait await() {
        return wait;
    }

    /** On Keycloak's own login page (its ids are those of its login theme), where the app sent the browser. */
    void logIn(Agent agent) {
        wait.until(page -> page.getCurrentUrl().startsWith(KEYCLOAK + "/realms/passerelle/"));
        wait.until(page -> !page.findElements(By.id("username")).isEmpty());
        driver().findElement(By.id("username")).sendKeys(agent.login());
        driver().findElement(By.id("password")).sendKeys(agent.password());
        driver().findElement(By.id("kc-login")).click();
    }

    /**
     * Clicks a link once it can be clicked: after a screenshot at 390 px the window is wide again, and the DSFR
     * side menu takes a moment to unfold its links.
     */
    void clickLink(String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text))).click();
    }

    /** The page at 1280 and 390 px, as target/screenshots/PREFIXNAME-1280.png and -390.png. */
    void screenshot(String name) {
        HeadlessChromium.screenshot(driver(), screenshotPrefix + name);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        chromium.close();
    }
}
