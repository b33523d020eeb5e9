package no.skymarked.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven by its chromedriver for the browser tests, with a fresh profile and nothing fetched from
 * the network but the test server. The binaries are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (Debian: {@code apt-get install chromium chromium-driver}), or {@code skymarked.test.chromium} and
 * {@code skymarked.test.chromedriver}; both paths are given to Selenium, so it never downloads a browser or driver.
 * When they are missing, the test is skipped with a message, unless {@code skymarked.test.browser} (or the
 * environment's {@code SKYMARKED_TEST_BROWSER}) is {@code required}, as CI sets it: then it fails.
 */
final class HeadlessChromium {
    /** Selenium warns that it has no DevTools binding for this Chromium version; the tests do not use DevTools. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private HeadlessChromium() {
    }

    /** A browser with its profile in {@code profile} (a fresh directory the caller removes, e.g. a {@code @TempDir}). */
    static WebDriver start(Path profile) {
        Path chromium = Path.of(System.getProperty("skymarked.test.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("skymarked.test.chromedriver", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(driver);
        String missing = "no headless browser: " + chromium + " and " + driver + " must exist (Debian: apt-get install"
                + " chromium chromium-driver)";
        if (!present && required()) {
            throw new AssertionError(missing + "; skymarked.test.browser=required, so the browser test may not be skipped");
        }
        Assumptions.assumeTrue(present, missing + "; skipped (skymarked.test.browser=required makes this a failure)");
        DEVTOOLS.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static boolean required() {
        String env = System.getenv("SKYMARKED_TEST_BROWSER");
        String mode = env != null && !env.isBlank() ? env : System.getProperty("skymarked.test.browser", "auto");
        return "required".equalsIgnoreCase(mode.strip());
    }
}
