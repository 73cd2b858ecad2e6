package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven by its {@code chromium-driver}, headless, with a throw-away
 * profile and a download folder. {@code ./passerelle test} installs both packages.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("passerelle.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("passerelle.chromedriver", "/usr/bin/chromedriver"));

    private final Path profile;
    private final Path downloads;
    private final WebDriver driver;

    private HeadlessChromium(Path profile, Path downloads, WebDriver driver) {
        this.profile = profile;
        this.downloads = downloads;
        this.driver = driver;
    }

    static HeadlessChromium open() {
        // A missing browser is a broken machine, not a reason to skip.
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("passerelle-chromium-");
            Path downloads = Files.createDirectories(profile.resolve("telechargements"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Without the background-networking flags, Chromium keeps calling Google's hosts, which this network refuses.
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(profile, downloads, driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * Keeps what the page looks like for a person to check it reads well: the whole page at 1280 px (a desk) and
     * at 390 px (a phone), as {@code target/screenshots/NAME-1280.png} and {@code NAME-390.png}. The window is
     * put back at 1280 × 900 afterwards, so the test goes on as it was.
     */
    static void screenshot(WebDriver browser, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollHeight");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, (int) Math.min(height + 150, 4000)));
                Files.write(folder.resolve(name + "-" + width + ".png"), ((org.openqa.selenium.TakesScreenshot) browser)
                        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the browser saves what a link downloads. */
    Path downloads() {
        return downloads;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
