package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The web console as a release engineer uses it: {@code versioned serve} from the shaded jar ({@link ServedJar}),
 * driven in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver}; {@code .ci/run} installs
 * them) through Selenium. Signs in with a token, publishes LATEST, starts a 10 % canary, promotes it, rolls back,
 * reads the history, meets a 409 explained, previews a purge, and signs in read-only to see no actions. Each
 * page's screenshot goes to {@code target/console-screenshots/}. The outcome of every action is also checked
 * through the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleChecks {

    private static final String NAME = "customer_db";
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private ServedJar server;
    private ApiClient admin;
    private WebDriver browser;
    private WebDriverWait wait;

    /** The repository to serve; {@code dir} is a fresh folder it may use. */
    abstract String repositoryUri(Path dir);

    /** A short name of the backend, for the screenshots' file names. */
    abstract String backend();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = ServedJar.start(dir, repositoryUri(dir), List.of("-XX:+UseSerialGC"));
        admin = new ApiClient(server.base(), ServedJar.ADMIN_TOKEN);
        for (String text : List.of("day 1", "day 2")) {
            assertThat(admin.upload(NAME, text.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv")
                    .statusCode()).isEqualTo(201);
            assertThat(admin.send("POST", "/api/v1/artifacts/" + NAME + "/versions", null).statusCode())
                    .isEqualTo(201);
        }
        assertThat(admin.upload(NAME, "day 3".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/csv")
                .statusCode()).isEqualTo(201);
        assertThat(admin.send("PUT", "/api/v1/artifacts/" + NAME + "/aliases/production", "{\"version\": 1}")
                .statusCode()).isEqualTo(200);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1360,1000", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").toFile()).usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    /** An executable on the PATH (Debian installs chromium and chromedriver in /usr/bin). */
    private static Path executable(String name) {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(folder -> Path.of(folder, name)).filter(Files::isExecutable).findFirst();
        assertThat(found).as(name + " on the PATH (apt-get install chromium chromium-driver; .ci/run does)")
                .isPresent();
        return found.get();
    }

    @Test
    void aReleaseEngineerCanariesPromotesRollsBackAndReadsTheHistory() throws Exception {
        signIn(ServedJar.ADMIN_TOKEN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-artifact='" + NAME + "']")));
        screenshot("artifacts");
        browser.findElement(By.cssSelector("[data-artifact='" + NAME + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aliases")));

        click(By.cssSelector("[data-action='publish']"));
        confirm();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-version='3']")));
        assertThat(alias().get("version").intValue()).isEqualTo(1);

        click(By.cssSelector("[data-alias='production'] [data-action='canary']"));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("canary-version"))))
                .selectByValue("2");
        WebElement weight = browser.findElement(By.id("canary-weight"));
        weight.clear();
        weight.sendKeys("10");
        confirm();
        waitForSplit("v2 · 10%");
        JsonNode canary = alias();
        assertThat(canary.get("version").intValue()).isEqualTo(1);
        assertThat(canary.get("secondaryVersion").intValue()).isEqualTo(2);
        assertThat(canary.get("secondaryWeight").intValue()).isEqualTo(10);
        assertThat(browser.findElement(By.cssSelector("[data-alias='production']")).getText())
                .contains("Sticky routing");
        screenshot("artifact-canary");

        click(By.cssSelector("[data-alias='production'] [data-action='promote']"));
        confirm();
        waitForSplit("v2 · 100%");
        assertThat(alias().get("version").intValue()).isEqualTo(2);
        assertThat(alias().get("secondaryVersion").isNull()).isTrue();

        click(By.cssSelector("[data-alias='production'] [data-action='rollback']"));
        confirm();
        waitForSplit("v1 · 90%");
        assertThat(alias().get("secondaryWeight").intValue()).as("back to the canary").isEqualTo(10);

        click(By.cssSelector("tr[data-version='1'] [data-action='delete']"));
        confirm();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#notice[data-code='conflict']")));
        assertThat(notice.getText()).contains("production").contains("cannot be deleted").contains("409");
        assertThat(admin.get("/api/v1/artifacts/" + NAME + "/versions/1").statusCode()).isEqualTo(200);
        screenshot("conflict");

        click(By.cssSelector("[data-action='purge']"));
        wait.until(ExpectedConditions.textMatches(By.id("purge-preview"), Pattern.compile(
                "Would purge|Nothing to purge")));
        WebElement keep = browser.findElement(By.id("purge-keep"));
        keep.clear();
        keep.sendKeys("0");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("purge-preview"), "v3"));
        assertThat(browser.findElement(By.id("purge-preview")).getText()).contains("kept because an alias");
        screenshot("purge-preview");
        browser.findElement(By.id("confirm-cancel")).click();
        assertThat(admin.get("/api/v1/artifacts/" + NAME + "/versions/3").statusCode())
                .as("a cancelled purge purges nothing").isEqualTo(200);

        click(By.cssSelector("[data-alias='production'] [data-action='history']"));
        List<WebElement> entries = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#history li"), 3));
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).getText()).contains("rev 4").contains("v1 + v2 at 10%");
        assertThat(entries.get(1).getText()).contains("rev 3").contains("→ v2");
        assertThat(entries.get(3).getText()).contains("rev 1").contains("created");
        screenshot("history");
    }

    @Test
    void aReadOnlyTokenSeesNoActions() throws Exception {
        signIn(ServedJar.READ_TOKEN);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scope"), "read only"));
        click(By.cssSelector("[data-artifact='" + NAME + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("versions")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-split='production']")));
        assertThat(browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
        assertThat(browser.findElements(By.id("artifact-actions"))).isEmpty();
        screenshot("read-only");
    }

    @Test
    void aWrongTokenIsRefusedAtSignIn() throws Exception {
        signIn("not-a-token-of-this-server");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).contains("not one of this server's");
        screenshot("sign-in-refused");
    }

    private void signIn(String token) {
        browser.get(server.base() + "/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        input.sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
    }

    private void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private void confirm() {
        click(By.id("confirm-ok"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
    }

    private void waitForSplit(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-split='production']"),
                text));
    }

    private JsonNode alias() throws IOException, InterruptedException {
        HttpResponse<String> response = admin.get("/api/v1/artifacts/" + NAME + "/aliases/production");
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.json(response);
    }

    private void screenshot(String page) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(backend() + "-" + page + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
