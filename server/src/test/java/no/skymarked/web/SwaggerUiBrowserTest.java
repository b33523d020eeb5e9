package no.skymarked.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.time.Duration;
import no.skymarked.TestServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Acceptance in a headless Chromium, as a new user would do it: Swagger UI's Authorize dialog fetches a development
 * token for the demo agency, the agency accedes with the accession's example, and a Try-it-out of
 * {@code POST /v1/call-offs} with its default example answers 201.
 */
class SwaggerUiBrowserTest {
    @RegisterExtension
    static final TestServerExtension SERVER = new TestServerExtension();
    @TempDir
    static Path profile;
    private static WebDriver browser;
    private static WebDriverWait wait;

    /** Per test (not before all), so that a missing browser shows as a skipped test with its reason. */
    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = HeadlessChromium.start(profile);
            wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void tryItOutOfTheCallOffExampleWithADevelopmentTokenAnswers201() {
        browser.get("http://localhost:" + SERVER.server().port() + "/swagger-ui/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        WebElement org = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-token-org")));
        assertThat(org.getDomProperty("value"), is("991825827"));
        browser.findElement(By.id("dev-token-fetch")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-ux"), "Authorized"));
        browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));

        String accession = execute("operations-frameworks-accedeToFramework");
        assertThat(accession, status(accession), is("201"));
        String callOff = execute("operations-call-offs-createCallOff");
        assertThat(callOff, status(callOff), is("201"));
        assertThat(callOff, containsString("DIRECT_AWARD"));

        // the call-off exists for the demo agency, made with the token the dialog fetched
        given().auth().oauth2(SERVER.server().token("991825827", "skymarked:buyer")).get("/v1/call-offs").then()
                .statusCode(200).body("items.size()", is(1)).body("items[0].buyerOrgNo", is("991825827"))
                .body("items[0].status", is("OFFERED"));
    }

    /** Opens the operation, Try it out, Execute with what Swagger UI fills in; the live response row's text. */
    private static String execute(String operation) {
        By block = By.id(operation);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#" + operation + " .opblock-summary-control"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + operation + " button.try-out__btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + operation + " button.execute"))).click();
        By response = By.cssSelector("#" + operation + " .live-responses-table tr.response");
        wait.until(ExpectedConditions.visibilityOfElementLocated(response));
        return browser.findElement(block).findElement(By.cssSelector(".live-responses-table tr.response")).getText();
    }

    private static String status(String responseRow) {
        return responseRow.strip().split("\\s+", 2)[0];
    }
}
