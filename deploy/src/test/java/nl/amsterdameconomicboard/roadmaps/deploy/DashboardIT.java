package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver; .ci/run installs them) against the
 * whole platform: what the Board, a challenge team and a partner see and do. Screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("browserInstalled")
class DashboardIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private PlatformSettings settings;
    private final Path downloads = Path.of("target", "downloads");

    /** Set -Ddashboard.url to look at an already running platform instead (e.g. while working on the dashboard). */
    private static final String EXTERNAL = System.getProperty("dashboard.url");
    private WebDriver browser;
    private WebDriverWait wait;

    static boolean browserInstalled() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    @BeforeAll
    void platform() throws Exception {
        settings = EXTERNAL != null ? PlatformSettings.fromEnvironment(java.nio.file.Path.of(".."), name -> null) : SharedPlatform.get();
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20)) {
            {
                ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the page may re-render on a live update
            }

            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                // say what the page showed and what the browser logged, not only what was missing
                String page = browser.findElements(By.id("main")).stream().map(WebElement::getText).findFirst().orElse("(no #main)");
                String console = String.join("\n", browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                        .stream().map(Object::toString).toList());
                return super.timeoutException(message + "\n--- page ---\n" + page + "\n--- console ---\n" + console, lastException);
            }
        };
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void anyoneSeesAllFiveChallengesAndCanSwitchToEnglish() throws Exception {
        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.card"), 5));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hoe staan de vijf grootstedelijke uitdagingen ervoor?");
        assertThat(browser.findElements(By.cssSelector("article.card h2")).stream().map(WebElement::getText))
                .containsExactly("Circulaire Economie", "Mobiliteit", "Gezondheid", "Digitale connectiviteit", "Talent voor de Toekomst");
        assertThat(browser.findElements(By.cssSelector("article.card .badge")).get(0).getText()).contains("Achter op schema");
        screenshot("overview");

        browser.findElement(By.cssSelector("[data-lang=en]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "How do the five metropolitan challenges stand?"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "How do the five metropolitan challenges stand?"));
        assertThat(browser.findElement(By.cssSelector("article.card h2")).getText()).isEqualTo("Circular Economy");
        assertThat(browser.findElements(By.cssSelector(".editor"))).as("no editing controls without signing in").isEmpty();
    }

    /** The roadmap was published on 1 January 2016: half way 2017 its milestones were planned and its indicators at their baselines. */
    @Test
    void theRoadmapAsItStoodHalfway2017ShowsItsMilestonesPlannedAndIndicatorsAtTheirBaselines() throws Exception {
        for (boolean phone : List.of(false, true)) {
            if (phone) { // a fresh page on a phone, not the desktop one made narrower
                browser.get("about:blank");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            }
            browser.get(settings.gatewayUrl() + "/#/c/circular?asOf=2017-06-30");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".as-of-notice"), "zoals die er op deze dag bij stond"));
            List<String> statuses = browser.findElements(By.cssSelector("[data-milestone] .badge")).stream().map(WebElement::getText).toList();
            assertThat(statuses).hasSizeGreaterThanOrEqualTo(5).allMatch(status -> status.startsWith("Gepland"));
            assertThat(find(".summary .counts").getText()).startsWith(statuses.size() + " gepland");
            assertThat(find("[data-indicator=homes-on-residual-heat] .latest-value").getText()).isEqualTo("170.000");
            assertThat(find("[data-indicator=homes-on-residual-heat]").getText()).contains("(nulmeting, 1 jan 2016)");
            assertThat(browser.findElements(By.cssSelector("main .editor"))).as("no editing in a past view").isEmpty();
            assertThat(find(".first-known").getText()).isEqualTo("Eerste bekende stand: 1 jan 2016");
            Select quarters = new Select(find("#as-of-quarter"));
            assertThat(quarters.getFirstSelectedOption().getText()).isEqualTo("Q2 2017");
            assertThat(quarters.getOptions().stream().filter(o -> o.getText().equals("Q1 2016")).findFirst().orElseThrow().isEnabled()).isTrue();
            if (phone) {
                Object overflow = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
                Object wide = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('main *')]"
                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-3).map(e => e.tagName + '.' + e.className).join(', ')");
                assertThat(((Number) overflow).intValue()).as("no sideways scrolling at phone width; too wide: " + wide).isLessThanOrEqualTo(0);
            }
            screenshot(phone ? "challenge-circular-2017-phone" : "challenge-circular-2017");
        }

        // today the same page shows today's statuses again, with the team's latest note on each milestone
        browser.get(settings.gatewayUrl() + "/#/c/circular");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-milestone=raw-materials-2017] .latest-note")));
        assertThat(browser.findElements(By.cssSelector(".as-of-notice"))).isEmpty();
        assertThat(find("[data-milestone=raw-materials-2017] .latest-note").getText()).contains("Uit de roadmap", "1 jan 2016", "roadmapdocument van de Board");
    }

    @Test
    void theWholeRoadmapIsOnThePageSpearheadTextsAndEachChallengesSpecifics() throws Exception {
        for (boolean phone : List.of(false, true)) {
            if (phone) {
                browser.get("about:blank");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            }
            browser.get(settings.gatewayUrl() + "/#/c/circular");
            String heat = "[data-spearhead-section=heat]";
            assertThat(find(heat + " [data-text=boardRole]").getText()).startsWith("Rol van de Board")
                    .contains("heeft de Board gekozen om waar mogelijk een verbindende rol te spelen");
            assertThat(find(heat + " [data-text=whatItIs]").getText()).startsWith("Wat is het");
            assertThat(find(heat + " [data-text=relevance]").getText()).startsWith("Relevantie voor de MRA");
            wait.until(d -> d.findElements(By.cssSelector("[data-specific=materialStreams] li")).size() == 9);
            assertThat(find("[data-specific=materialStreams]").getText()).contains("Bouw- en sloopmaterialen");
            assertThat(find("[data-specific=keyFigures]").getText()).contains("32 partijen");
            assertThat(find("[data-initiative=heat-programme] .initiative-facts").getText()).isEqualTo("Loopt");
            screenshot(phone ? "challenge-circular-roadmap-phone" : "challenge-circular-roadmap",
                    By.cssSelector("[data-spearhead-section=heat]"));
        }
        browser.get(settings.gatewayUrl() + "/#/c/health");
        wait.until(d -> d.findElements(By.cssSelector("[data-specific=fourP] li")).size() == 4);
        assertThat(find("[data-specific=fourP]").getText()).contains("Persoonlijk");
        browser.get(settings.gatewayUrl() + "/#/c/digital");
        assertThat(find("[data-specific=crossOvers]").getText()).contains("data & gezondheid");
        browser.get(settings.gatewayUrl() + "/#/c/talent");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-specific=programmes]"), "Onderzoek Werk in de Toekomst"));
        screenshot("challenge-talent-specifics", By.cssSelector("section.specifics"));
    }

    /** Words of the API's English that the Dutch roadmap texts never use: none may show in the Dutch view. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile("(?i)\\b(jobs|homes|households|members|percent|people"
            + "|projects|parties|experiments|universities|municipalities|propositions|sites|years|hectares|government|knowledge institution"
            + "|civil society|planned|on track|at risk|achieved|missed|overdue|running|invalid input|must|no value yet)\\b");

    @Test
    void theDutchViewShowsNoEnglishUnitPartnerTypeOrMessageAndTheEnglishViewNoDutchOne() throws Exception {
        for (String challenge : List.of("circular", "mobility", "health", "digital", "talent")) {
            browser.get(settings.gatewayUrl() + "/#/c/" + challenge);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-specific]")));
            String page = find("main").getText();
            java.util.regex.Matcher english = ENGLISH.matcher(page);
            assertThat(english.find()).as(challenge + ": English in the Dutch view: " + (english.find(0) ? english.group() : "")).isFalse();
        }
        assertThat(find("main").getText()).contains("mensen"); // talent's people trained or placed, in Dutch
        screenshot("challenge-talent-dutch-units", By.cssSelector("[data-indicator=people-trained-or-placed]"));

        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.card"), 5));
        String overview = find("main").getText();
        assertThat(ENGLISH.matcher(overview).find()).as(overview).isFalse();

        browser.findElement(By.cssSelector("[data-lang=en]")).click();
        browser.get(settings.gatewayUrl() + "/#/c/circular");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Circular Economy"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-specific=keyFigures]")));
        assertThat(find("[data-indicator=extra-jobs-2025] .unit").getText()).isEqualTo("jobs");
        assertThat(find("[data-specific=keyFigures]").getText()).contains("32 parties");
        assertThat(find("[data-spearhead-section=heat] [data-text=boardRole]").getText()).startsWith("The Board's role");
    }

    /**
     * A refused status change is explained in the page's language, naming the field; the histories of a milestone and
     * an indicator read in Dutch in the Dutch view (statuses, the action, the value with its unit) and in English in the
     * English one: worded by the page from each entry's facts, not from the API's English sentence.
     */
    @Test
    void aRefusedStatusChangeAndTheHistoriesSpeakThePagesLanguage() throws Exception {
        recordMeasurement("circular", "extra-jobs-2025", 1200, "circular-lead");
        String status = milestoneStatus("circular", "co2-2017");
        signIn("circular-lead");
        browser.get(settings.gatewayUrl() + "/#/c/circular");
        String milestone = "[data-milestone=co2-2017]";
        openEditor(milestone);
        // a planned milestone cannot be achieved at once; one already under way cannot go back to planned
        new Select(find(milestone + " [name=status]")).selectByValue(status.equals("PLANNED") ? "ACHIEVED" : "PLANNED");
        find(milestone + " [name=note]").sendKeys("Akkoord met het Rijk");
        find(milestone + " button[type=submit]").click();
        String error = "#status-co2-2017-status-error";
        wait.until(d -> !d.findElement(By.cssSelector(error)).getText().isBlank());
        String refusal = find(error).getText();
        assertThat(refusal).startsWith(status.equals("PLANNED")
                ? "Een mijlpaal die gepland is, is eerst op koers of risico voordat hij behaald is"
                : "Een mijlpaal kan niet terug naar gepland");
        assertThat(ENGLISH.matcher(refusal).find()).as(refusal).isFalse();
        screenshot("refused-status-change-dutch", By.cssSelector(milestone));

        String next = status.equals("ON_TRACK") ? "AT_RISK" : "ON_TRACK";
        new Select(find(milestone + " [name=status]")).selectByValue(next);
        find(milestone + " button[type=submit]").click();
        String nextNl = next.equals("ON_TRACK") ? "Op koers" : "Risico";
        wait.until(d -> d.findElement(By.cssSelector(milestone + " .badge")).getText().startsWith(nextNl));

        String milestoneHistory = openHistory(milestone, "→ " + nextNl);
        assertThat(milestoneHistory).contains("→ " + nextNl + " (Akkoord met het Rijk)").contains("roadmapdocument van de Board: Gepland");
        String indicator = "[data-indicator=extra-jobs-2025]";
        String indicatorHistory = openHistory(indicator, "meting vastgelegd");
        assertThat(indicatorHistory).contains("meting vastgelegd: 1.200 banen op ").contains("roadmapdocument van de Board: opgenomen uit de roadmap");
        for (String history : List.of(milestoneHistory, indicatorHistory)) {
            java.util.regex.Matcher english = ENGLISH.matcher(history);
            assertThat(english.find()).as("English in the Dutch history: " + (english.find(0) ? english.group() : "") + "\n" + history).isFalse();
            assertThat(history).doesNotContain("measurement recorded", "From the Board", " on 20");
        }
        screenshot("history-dutch", By.cssSelector(indicator + " details.history-of"));
        screenshot("history-milestone-dutch", By.cssSelector(milestone + " details.history-of"));

        browser.findElement(By.cssSelector("[data-lang=en]")).click();
        browser.get(settings.gatewayUrl() + "/#/c/circular");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Circular Economy"));
        String nextEn = next.equals("ON_TRACK") ? "On track" : "At risk";
        assertThat(openHistory(milestone, "→ " + nextEn)).contains("→ " + nextEn + " (Akkoord met het Rijk)");
        assertThat(openHistory(indicator, "measurement recorded")).contains("measurement recorded: 1,200 jobs on ")
                .doesNotContain("meting", "banen");
        screenshot("history-english", By.cssSelector(indicator + " details.history-of"));
        browser.findElement(By.cssSelector("[data-lang=nl]")).click();
    }

    /** Every text of the dashboard (i18n.js, the history's words included) in both languages: a key missing from one fails here. */
    @Test
    void theDashboardHasEveryTextInBothLanguages() {
        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.card"), 5));
        Object missing = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/i18n.js').then(({ TEXTS }) => {
                  const keys = (node, prefix) => Object.entries(node).flatMap(([k, v]) =>
                    v && typeof v === 'object' && !Array.isArray(v) ? keys(v, prefix + k + '.') : [prefix + k]);
                  const nl = keys(TEXTS.nl, ''), en = keys(TEXTS.en, '');
                  done([...nl.filter(k => !en.includes(k)).map(k => 'no English ' + k), ...en.filter(k => !nl.includes(k)).map(k => 'no Dutch ' + k)]);
                }).catch(e => done(['i18n.js did not load: ' + e]));""");
        assertThat((List<?>) missing).as("texts missing from a language").isEmpty();
    }

    /** Opens the history under the container and answers its text once it shows {@code expected}. */
    private String openHistory(String container, String expected) {
        String history = container + " details.history-of";
        wait.until(d -> {
            WebElement details = d.findElement(By.cssSelector(history));
            if (details.getAttribute("open") == null) {
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", details);
                details.findElement(By.tagName("summary")).click();
            }
            return d.findElement(By.cssSelector(history)).getText().contains(expected);
        });
        return find(history).getText();
    }

    /** A value recorded through the API by {@code user}, dated today. */
    private void recordMeasurement(String challenge, String indicator, double value, String user) throws Exception {
        java.net.http.HttpResponse<String> recorded = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(settings.gatewayUrl() + "/api/" + challenge + "/indicators/" + indicator + "/measurements"))
                .header("Authorization", "Bearer " + new GatewayClient(settings).token(user)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode()
                        .put("date", java.time.LocalDate.now().toString()).put("value", value).put("source", "Monitor circulaire economie"))))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    @Test
    void theOverviewWorksByKeyboardAndAtPhoneWidth() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.card"), 5));
        Object overflow = ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
        screenshot("overview-phone");

        // keyboard only: tab from the skip link to the first challenge and open it with Enter
        WebElement focused = browser.switchTo().activeElement();
        for (int i = 0; i < 12 && !"Circulaire Economie".equals(focused.getText()); i++) {
            focused.sendKeys(org.openqa.selenium.Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(focused.getText()).isEqualTo("Circulaire Economie");
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Circulaire Economie"));
    }

    @Test
    void aChallengeLeadSignsInRecordsAMeasurementAndChangesAMilestone() throws Exception {
        signIn("circular-lead");
        browser.get(settings.gatewayUrl() + "/#/c/circular");
        String indicator = "[data-indicator=homes-on-residual-heat]";
        wait.until(d -> !d.findElements(By.cssSelector(indicator + " canvas")).isEmpty());

        // a validation error appears next to its field
        openEditor(indicator);
        find(indicator + " [name=value]").sendKeys("186000");
        find(indicator + " button[type=submit]").click();
        wait.until(d -> !d.findElement(By.id("measure-homes-on-residual-heat-source-error")).getText().isBlank());
        // in the page's language: the dashboard asks the API for Dutch (Accept-Language)
        assertThat(find("#measure-homes-on-residual-heat-source-error").getText()).isEqualTo("moet zeggen waar de waarde vandaan komt");
        assertThat(find(indicator + " [name=source]").getAttribute("aria-invalid")).isEqualTo("true");

        find(indicator + " [name=source]").sendKeys("Warmtemonitor 2026");
        find(indicator + " button[type=submit]").click();
        wait.until(d -> d.findElement(By.cssSelector(indicator + " .latest-value")).getText().replace(".", "").contains("186000"));
        screenshot("challenge-circular");
        assertTargetLineChart(indicator);

        String milestone = "[data-milestone=heat-2017]";
        openEditor(milestone);
        new Select(find(milestone + " [name=status]")).selectByValue("AT_RISK");
        find(milestone + " [name=note]").sendKeys("Twaalf van de twintig business cases klaar");
        find(milestone + " button[type=submit]").click();
        wait.until(d -> d.findElement(By.cssSelector(milestone + " .badge")).getText().startsWith("Risico"));

        browser.get(settings.gatewayUrl() + "/");
        String circular = "article[data-challenge=circular]";
        wait.until(d -> d.findElement(By.cssSelector(circular)).getText().contains("1 risico"));
        // the headline indicators are the challenge's own first three, not whichever got a value last
        assertThat(find(circular).getText()).contains("Extra banen").doesNotContain("186.000");
    }

    @Test
    void aChallengeLeadUploadsASpreadsheetSeesItsRowErrorsAndImportsTheCorrectedFile() throws Exception {
        String indicator = null;
        long value = 0;
        for (JsonNode i : JSON.readTree(new GatewayClient(settings).get("/api/health/indicators?size=200").body()).path("items")) {
            if (!i.path("computed").asBoolean()) {
                indicator = i.path("id").asString();
                value = Math.round(i.path("target").asDouble()); // a value its unit and range allow
                break;
            }
        }
        assertThat(indicator).as("a health indicator with typed-in values").isNotNull();
        Path files = Files.createDirectories(Path.of("target", "uploads"));
        String today = java.time.LocalDate.now().toString();
        Path wrong = Files.writeString(files.resolve("health-wrong.csv"),
                "indicator;datum;waarde;bron\n" + indicator + ";" + today + ";" + value + ";Monitor\n" + indicator + ";31-02-2026;12;Monitor\n");
        Path right = Files.writeString(files.resolve("health-right.csv"),
                "indicator;datum;waarde;bron\n" + indicator + ";" + today + ";" + value + ";Monitor\n");

        signIn("health-lead");
        browser.get(settings.gatewayUrl() + "/#/c/health");
        click(By.cssSelector("#import-health summary"));
        find("#import-health-file").sendKeys(wrong.toAbsolutePath().toString());
        click(By.cssSelector("#import-health .import-check"));
        wait.until(d -> !d.findElements(By.cssSelector("#import-health .import-errors tr[data-line='3']")).isEmpty());
        // in the page's language, naming the column as the file names it (datum, not the API's date)
        assertThat(find("#import-health .import-errors tr[data-line='3']").getText()).startsWith("3 datum ").contains("geen dag");
        assertThat(find("#import-health .import-summary").getText()).contains("2 rijen", "1 nieuw", "1 met fouten");
        assertThat(find("#import-health .import-confirm").isDisplayed()).as("no import while the file has errors").isFalse();
        screenshot("import-preview", By.id("import-health"));

        find("#import-health-file").sendKeys(right.toAbsolutePath().toString());
        click(By.cssSelector("#import-health .import-check"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#import-health .import-confirm"))).click();
        String item = "[data-indicator='" + indicator + "'] .latest-value";
        String shown = java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("nl-NL")).format(value);
        wait.until(d -> d.findElement(By.cssSelector(item)).getText().contains(shown));
    }

    @Test
    void aChallengeLeadAddsAnInitiativeWithItsPartnersAndAStaleEditIsExplained() throws Exception {
        signIn("digital-lead");
        browser.get(settings.gatewayUrl() + "/#/c/digital");
        openEditor(".new-initiative");
        new Select(find("#new-initiative-spearhead")).selectByValue("meaningful-data");
        // a partner without a title: refused at the title, in Dutch
        find("#new-initiative-partner-0-name").sendKeys("Gemeente Zaanstad");
        new Select(find("#new-initiative-partner-0-type")).selectByValue("GOVERNMENT");
        find("#new-initiative button[type=submit]").click();
        wait.until(d -> !d.findElement(By.id("new-initiative-titleNl-error")).getText().isBlank());
        assertThat(find("#new-initiative-titleNl-error").getText()).isEqualTo("moet de Nederlandse tekst hebben");

        // the short name follows the title; the kinds of partner are chosen, not typed
        String title = "Open datalab Zaandam " + System.currentTimeMillis();
        find("#new-initiative-titleNl").sendKeys(title);
        assertThat(find("#new-initiative-id").getAttribute("value")).isEqualTo(title.toLowerCase().replace(' ', '-'));
        assertThat(new Select(find("#new-initiative-partner-0-type")).getOptions().stream().map(WebElement::getText))
                .containsExactly("bedrijf", "overheid", "kennisinstelling", "maatschappelijke organisatie");
        find("#new-initiative button[type=button]:not(.link)").click(); // add a partner
        find("#new-initiative-partner-1-name").sendKeys("DataBakery");
        find("#new-initiative button[type=button]:not(.link)").click();
        find("#new-initiative-partner-2-name").sendKeys("Hogeschool van Amsterdam");
        new Select(find("#new-initiative-partner-2-type")).selectByValue("KNOWLEDGE_INSTITUTION");
        find("#new-initiative-tags").sendKeys("open-data, zaandam");
        find("#new-initiative button[type=submit]").click();
        wait.until(d -> {
            String initiatives = d.findElement(By.cssSelector("[data-spearhead=meaningful-data]")).getText();
            return initiatives.contains(title) && initiatives.contains("DataBakery (bedrijf)")
                    && initiatives.contains("Hogeschool van Amsterdam (kennisinstelling)") && initiatives.contains("Gemeente Zaanstad (overheid)");
        });
        String card = find("[data-initiative='" + title.toLowerCase().replace(' ', '-') + "']").getText();
        assertThat(card).contains("Loopt", "Labels: open-data", "zaandam");

        // someone else changes the milestone after this page was loaded
        String milestone = "[data-milestone=datacenter-hub-2017]";
        openEditor(milestone);
        String elsewhere = find(milestone + " .badge").getText().startsWith("Op koers") ? "AT_RISK" : "ON_TRACK";
        changeMilestoneElsewhere("digital", "datacenter-hub-2017", elsewhere, "digital-lead");
        new Select(find(milestone + " [name=status]")).selectByValue(elsewhere.equals("AT_RISK") ? "ON_TRACK" : "AT_RISK");
        find(milestone + " [name=note]").sendKeys("Vertraagd");
        find(milestone + " button[type=submit]").click();
        // said at the form, what was typed kept, the server's state beside it, and nothing that reads as a success
        String form = "#status-datacenter-hub-2017";
        wait.until(d -> d.findElement(By.cssSelector(form + " .form-error")).getText().contains("Iemand anders heeft dit intussen gewijzigd"));
        String shown = elsewhere.equals("AT_RISK") ? "Risico" : "Op koers";
        wait.until(d -> d.findElement(By.cssSelector(form + " .server-value")).getText().contains("changed elsewhere"));
        assertThat(find(form + " .server-value").getText()).contains(shown).contains("digital-lead");
        assertThat(find(form + " [name=note]").getAttribute("value")).isEqualTo("Vertraagd");
        assertThat(find(milestone + " details.editor").getAttribute("open")).as("the editor stays open").isNotNull();
        Thread.sleep(1500); // the other change's live update arrives meanwhile; it must not toast a success
        assertThat(find("#live").getText()).doesNotContain("Opgeslagen").doesNotContain("Bijgewerkt");
        screenshot("stale-edit", By.cssSelector(milestone));

        // saving again after seeing the server's state goes through, with the note that was typed
        find(form + " button[type=submit]").click();
        String mine = elsewhere.equals("AT_RISK") ? "Op koers" : "Risico";
        wait.until(d -> d.findElement(By.cssSelector(milestone + " .badge")).getText().startsWith(mine));
        java.net.http.HttpResponse<String> history = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(settings.gatewayUrl() + "/api/digital/milestones/datacenter-hub-2017/history?size=1"))
                .header("Authorization", "Bearer " + new GatewayClient(settings).token("digital-lead")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(history.body()).contains("\"note\":\"Vertraagd\"");
    }

    /**
     * The chart of an indicator whose deadline (end 2025) has passed: the target as a line and the y-axis up to it, the
     * x-axis to today, the baseline as its own labelled point, Dutch numbers, and a verdict instead of a projection.
     */
    private void assertTargetLineChart(String indicator) throws Exception {
        wait.until(d -> !d.findElements(By.cssSelector(indicator + " canvas")).isEmpty());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> chart = (java.util.Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const box = document.querySelector(arguments[0] + ' .chart');
                const chart = echarts.getInstanceByDom(box);
                const option = chart.getOption();
                const lines = option.series.flatMap(s => (s.markLine && s.markLine.data) || []);
                return {
                  series: option.series.map(s => s.name),
                  targetLine: lines.filter(l => l.yAxis !== undefined).map(l => String(Number(l.yAxis))),
                  deadlineLine: lines.filter(l => l.xAxis !== undefined).map(l => String(l.xAxis)),
                  yMax: chart.getModel().getComponent('yAxis').axis.scale.getExtent()[1],
                  xMax: chart.getModel().getComponent('xAxis').axis.scale.getExtent()[1],
                  yLabels: chart.getModel().getComponent('yAxis').axis.getViewLabels().map(l => l.formattedLabel),
                  aria: box.getAttribute('aria-label')
                };""", indicator);
        assertThat(chart.get("series")).asList().contains("Gemeten", "Nulmeting", "Doel").doesNotContain("Projectie");
        assertThat(chart.get("targetLine")).asList().containsExactly("400000");
        assertThat(chart.get("deadlineLine")).asList().containsExactly("2025-12-31");
        assertThat(((Number) chart.get("yMax")).doubleValue()).as("the y-axis takes in the target").isGreaterThanOrEqualTo(400000);
        assertThat(((Number) chart.get("xMax")).longValue()).as("the x-axis runs to today, past the deadline")
                .isGreaterThanOrEqualTo(java.time.LocalDate.now().atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() - 86_400_000L);
        assertThat(chart.get("yLabels")).asList().anyMatch(l -> l.toString().matches("\\d{1,3}(\\.\\d{3})+")).as("Dutch thousands");
        assertThat(chart.get("aria").toString()).contains("Nulmeting").contains("Doel: 400.000").contains("Deadline verstreken");
        assertThat(find(indicator + " .projection").getText()).isEqualTo("Deadline verstreken — doel niet gehaald");
        screenshot("chart-target-line", By.cssSelector(indicator));
    }

    @Test
    void aValueFarOutsideTheIndicatorsRangeIsRecordedOnlyAfterTheLeadConfirmsIt() throws Exception {
        signIn("mobility-lead");
        browser.get(settings.gatewayUrl() + "/#/c/mobility");
        String indicator = "[data-indicator=construction-logistics-propositions]";
        String form = "#measure-construction-logistics-propositions";
        openEditor(indicator);
        find(indicator + " [name=value]").sendKeys("-1");
        find(indicator + " [name=source]").sendKeys("Programmabureau");
        find(indicator + " button[type=submit]").click();
        // the service's refusal in the page's language, with the unit's Dutch name
        wait.until(d -> d.findElement(By.cssSelector(form + "-value-error")).getText().equals("een aantal kan niet negatief zijn (proposities)"));

        find(indicator + " [name=value]").clear();
        find(indicator + " [name=value]").sendKeys("500"); // a target of 2 propositions
        find(indicator + " button[type=submit]").click();
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(form + "-confirmImplausible")));
        assertThat(find(form + "-value-error").getText()).contains("ver buiten");
        assertThat(find(indicator + " .latest-value").getText()).as("nothing recorded yet").isNotEqualTo("500");
        screenshot("implausible-value", By.cssSelector(indicator));

        confirm.click();
        find(indicator + " button[type=submit]").click();
        wait.until(d -> d.findElement(By.cssSelector(indicator + " .latest-value")).getText().equals("500"));
    }

    @Test
    void anEditionListsTheMilestoneThatChangedWithTheTeamsNoteAndShowsAChallengeAsItStood() throws Exception {
        String milestone = "lifelong-learning-2017";
        String firstTitle = "Voor " + java.time.LocalTime.now().withNano(0);
        String first = publishEdition(firstTitle);
        String status = milestoneStatus("talent", milestone).equals("AT_RISK") ? "ON_TRACK" : "AT_RISK";
        String note = "Pilot scholingsfonds vertraagd " + java.time.LocalTime.now().withNano(0);
        changeMilestone("talent", milestone, status, note, "admin");
        String second = null;
        for (int attempt = 0; attempt < 20 && second == null; attempt++) { // until the scorecard has the change
            Thread.sleep(1100); // edition ids are to the second
            String id = publishEdition("Na " + java.time.LocalTime.now().withNano(0));
            if (apiGet("/api/scorecards/editions/" + id + "/diff").contains(note)) {
                second = id;
            }
        }
        assertThat(second).as("an edition whose diff has the change").isNotNull();

        browser.get(settings.gatewayUrl() + "/#/editions/" + second);
        String change = ".milestone-changes [data-milestone=" + milestone + "]";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(change)));
        String statusNl = status.equals("AT_RISK") ? "Risico" : "Op koers";
        assertThat(find(change).getText()).contains("Talent voor de Toekomst").contains("→ " + statusNl).contains(note)
                .contains("scholingsfonds");
        assertThat(find("main").getText()).doesNotContain("Geen veranderingen").contains("Mijlpalen met een andere status");
        screenshot("edition-diff");

        click(By.cssSelector("article[data-challenge=talent] h2 a"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Talent voor de Toekomst"));
        String frozen = "[data-milestone=" + milestone + "]";
        assertThat(find(frozen + " .badge").getText()).startsWith(statusNl);
        assertThat(find(frozen).getText()).contains(note);
        assertThat(find("main").getText()).contains("Zoals het stond in de editie");
        screenshot("edition-talent");

        // the first edition still shows the milestone as it stood before the change
        browser.get(settings.gatewayUrl() + "/#/editions/" + first + "/talent");
        // only the hash changes: the second edition's page stays until the first one's is drawn
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".edition-context"), firstTitle));
        assertThat(find(frozen).getText()).doesNotContain(note);
    }

    /** Every page, anonymous and as a challenge lead, at desktop and phone width: no serious or critical axe finding. */
    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityFindingsAtDesktopAndPhoneWidth() throws Exception {
        String edition = publishEdition("Toegankelijkheid " + java.time.LocalTime.now().withNano(0));
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("challenge", "/#/c/circular");
        pages.put("challenge-as-of", "/#/c/mobility?asOf=2025-12-31");
        pages.put("report", "/#/c/circular/report");
        pages.put("editions", "/#/editions");
        pages.put("edition", "/#/editions/" + edition);
        pages.put("edition-challenge", "/#/editions/" + edition + "/digital");
        pages.put("not-found", "/#/c/nope");
        pages.put("embed", "/embed.html?challenge=health");
        List<String> findings = new java.util.ArrayList<>();
        for (int[] size : new int[][] {{1280, 1000}, {390, 844}}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            for (var page : pages.entrySet()) {
                browser.get("about:blank"); // a fresh load at this width, not a change of the hash in the loaded page
                browser.get(settings.gatewayUrl() + page.getValue());
                findings.addAll(checkPage(page.getKey(), size[0]));
            }
        }
        // the English view of the overview and a challenge, looked at as well
        browser.get(settings.gatewayUrl() + "/");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('language', 'en')");
        for (int[] size : new int[][] {{1280, 1000}, {390, 844}}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            for (String page : List.of("overview", "challenge")) {
                browser.get("about:blank");
                browser.get(settings.gatewayUrl() + pages.get(page));
                findings.addAll(checkPage(page + "-en", size[0]));
            }
        }
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('language', 'nl')");
        // the editing a challenge lead sees: forms, editors opened
        signIn("circular-lead");
        for (int[] size : new int[][] {{1280, 1000}, {390, 844}}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            browser.get("about:blank");
            browser.get(settings.gatewayUrl() + "/#/c/circular");
            find("[data-milestone] details.editor");
            openEditor(".new-initiative");
            openEditor("[data-milestone=heat-2017]");
            openEditor("[data-indicator=homes-on-residual-heat]");
            findings.addAll(checkPage("challenge-editing", size[0]));
        }
        assertThat(findings).as("serious or critical axe findings").isEmpty();
    }

    /** Waits for the page to be drawn, runs axe-core on it, saves a full-page screenshot; answers the serious and critical findings. */
    private List<String> checkPage(String name, int width) throws Exception {
        wait.until(d -> {
            String main = d.findElement(By.tagName("main")).getText();
            return !main.isBlank() && !main.contains("Laden…") && !d.findElements(By.tagName("h1")).isEmpty();
        });
        Thread.sleep(700); // charts draw after the render
        return axeFindings(name, width);
    }

    /** Runs axe-core on the page as it is, saves a full-page screenshot; answers the serious and critical findings. */
    private List<String> axeFindings(String name, int width) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        fullPageScreenshot(name + "-" + width);
        List<String> findings = new java.util.ArrayList<>();
        for (Object finding : (List<?>) result) {
            findings.add(name + " at " + width + " px: " + finding);
        }
        return findings;
    }

    private static String axe;

    /** axe-core as npm ships it (deploy/src/test/resources/axe, MPL-2.0, its licence beside it). */
    private static synchronized String axeSource() throws Exception {
        if (axe == null) {
            try (var in = DashboardIT.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(java.util.Objects.requireNonNull(in, "axe/axe.min.js on the test class path").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return axe;
    }

    /** The whole page, not only what the window shows (at most 8000 px high). */
    @SuppressWarnings("unchecked")
    private void fullPageScreenshot(String name) throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        java.util.Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
        java.util.Map<String, Object> content = (java.util.Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        java.util.Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png",
                "captureBeyondViewport", true, "clip", java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(target.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Publishes an edition as the Board, through the API; answers its id. */
    private String publishEdition(String title) throws Exception {
        java.net.http.HttpResponse<String> published = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(settings.gatewayUrl() + "/api/scorecards/editions"))
                .header("Authorization", "Bearer " + new GatewayClient(settings).token("board")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode().put("title", title)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return JSON.readTree(published.body()).path("id").asText();
    }

    private String apiGet(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(settings.gatewayUrl() + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private String milestoneStatus(String challenge, String milestone) throws Exception {
        return JSON.readTree(apiGet("/api/" + challenge + "/milestones/" + milestone)).path("status").asText();
    }

    /**
     * Gives a spearhead another title (both languages) as its challenge lead, through the API, or puts back the texts
     * {@code restore} holds; answers the spearhead as it was.
     */
    private JsonNode retitleSpearhead(String challenge, String spearhead, JsonNode restore, String title) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = new GatewayClient(settings).token(challenge + "-lead");
        java.net.URI uri = java.net.URI.create(settings.gatewayUrl() + "/api/" + challenge + "/spearheads/" + spearhead);
        JsonNode current = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        ObjectNode request = JSON.createObjectNode();
        for (String field : List.of("title", "vision", "whatItIs", "relevance", "boardRole", "focusAreas")) {
            request.set(field, (restore != null ? restore : current).path(field));
        }
        if (title != null) {
            request.putObject("title").put("nl", title).put("en", title);
        }
        java.net.http.HttpResponse<String> changed = http.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        return current;
    }

    /** A change by another user, through the API with a token of that user. */
    private void changeMilestoneElsewhere(String challenge, String milestone, String status, String user) throws Exception {
        changeMilestone(challenge, milestone, status, "changed elsewhere", user);
    }

    private void changeMilestone(String challenge, String milestone, String status, String note, String user) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = new GatewayClient(settings).token(user);
        java.net.http.HttpResponse<String> changed = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(settings.gatewayUrl() + "/api/" + challenge + "/milestones/" + milestone + "/status"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(JSON.createObjectNode().put("status", status)
                        .put("note", note)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheKeycloakSessionTooSoTheNextSignInAsksForThePasswordAgain() throws Exception {
        signIn("board");
        browser.get(settings.gatewayUrl() + "/#/c/mobility");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mobiliteit"));
        assertThat(browser.getTitle()).isEqualTo("Mobiliteit — Board Roadmaps");
        find("#session form button").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"), "Inloggen"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Mobiliteit")); // back where the user was
        find("#session a").click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(settings.issuer());
        // Keycloak's own page in the dashboard's language
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        WebElement login = browser.findElement(By.id("kc-login")); // a button in the current theme, an input in older ones
        assertThat(login.getText().isBlank() ? login.getAttribute("value") : login.getText()).isEqualTo("Inloggen");
        screenshot("sign-in-dutch");
        // Keycloak's page is a page of the dashboard's too: the same accessibility check, at desktop and phone width
        List<String> findings = new java.util.ArrayList<>(axeFindings("sign-in", 1280));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            findings.addAll(axeFindings("sign-in", 390));
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
        assertThat(findings).as("serious or critical axe findings on Keycloak's sign-in page").isEmpty();
    }

    @Test
    void aPartnerSeesNoMilestoneControlsButReportsProgressOnItsOwnInitiative() {
        signIn("partner");
        browser.get(settings.gatewayUrl() + "/#/c/talent");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-milestone]")));
        assertThat(browser.findElements(By.cssSelector("[data-milestone] .editor"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-indicator] .editor"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#progress-werk-maken-van-talent"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#progress-future-of-work-research"))).isEmpty();
    }

    /** Randstad's people sign in at Randstad (realm randstad stands in for its own provider), brokered into realm mra. */
    @Test
    void aPartnerSignsInThroughItsOwnOrganisationAndReportsProgressOnlyWhereItTakesPart() throws Exception {
        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#session a"))).click();
        WebElement randstad = wait.until(ExpectedConditions.elementToBeClickable(By.id("social-randstad")));
        assertThat(randstad.getText()).isEqualTo("Randstad");
        screenshot("sign-in-with-partner-organisation");
        randstad.click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(settings.keycloakUrl() + "/realms/randstad/");
        screenshot("sign-in-at-randstad");
        browser.findElement(By.id("username")).sendKeys("sanne");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        // no page of its own on the way back: the Board's realm creates the account from what Randstad vouches for
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"), "Uitloggen"));
        assertThat(find("#session .who").getText()).endsWith("Sanne de Vries");

        browser.get(settings.gatewayUrl() + "/#/c/talent");
        String form = "#progress-future-of-work-research";
        click(By.xpath("//form[@id='progress-future-of-work-research']/ancestor::details[1]/summary"));
        assertThat(browser.findElements(By.cssSelector("#progress-werk-maken-van-talent"))).as("ManpowerGroup's, not Randstad's").isEmpty();
        String text = "Eerste interviewronde met 40 werkgevers afgerond (" + java.time.LocalTime.now().withNano(0) + ")";
        find(form + " [name=text]").sendKeys(text);
        find(form + " button[type=submit]").click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Randstad: " + text));
        screenshot("partner-randstad-progress", By.xpath("//li[contains(., '" + text + "')]/ancestor::li[@class='initiative']"));

        // the service saw the organisation Randstad in the brokered user's token, and who posted
        java.net.http.HttpResponse<String> progress = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(settings.gatewayUrl() + "/api/talent/initiatives/future-of-work-research/progress")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(progress.body()).contains(text).contains("\"organisation\":\"Randstad\"").contains("\"by\":\"randstad.sanne\"");

        // the same session on an initiative of another organisation, as a script in the page would send it
        Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = decodeURIComponent((document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1] || '');
                fetch('/api/talent/initiatives/werk-maken-van-talent/progress', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrf}, body: JSON.stringify({text: 'not ours'})})
                  .then(r => r.text().then(body => done(r.status + ' ' + body)));
                """);
        assertThat(refused.toString()).startsWith("403 ").contains("Randstad is not one of them");
    }

    @Test
    void theBoardPublishesAnEditionThatAnyoneCanBrowse() throws Exception {
        signIn("board");
        browser.get(settings.gatewayUrl() + "/#/editions");
        find("#publish-edition");
        openEditor("main");
        String title = "Scorecard " + java.time.LocalTime.now().withNano(0);
        find("#publish-edition [name=title]").sendKeys(title);
        find("#publish-edition button[type=submit]").click();
        click(By.linkText(title));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(5);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Wat is er veranderd sinds de vorige editie");
        screenshot("edition");
    }

    @Test
    void aChallengeScorecardExportsAsCsvPrintsAsAReportAndEmbedsElsewhere() throws Exception {
        // a spearhead title typed as a spreadsheet formula must arrive in the CSV as text
        String formula = "=HYPERLINK(\"http://evil.example\",\"Stedelijke distributie\")";
        JsonNode original = retitleSpearhead("mobility", "urban-distribution", null, formula);
        try {
            browser.get(settings.gatewayUrl() + "/#/c/mobility");
            WebElement csv = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.csv")));
            String file = csv.getAttribute("download");
            assertThat(file).startsWith("scorecard-mobility-").endsWith(".csv");
            Files.createDirectories(downloads);
            Files.deleteIfExists(downloads.resolve(file));
            csv.click();
            // Chromium creates the file before it writes it: wait for its content, not only its name
            wait.until(d -> downloads.resolve(file).toFile().length() > 0);
            String exported = Files.readString(downloads.resolve(file));
            // for Dutch Excel: a byte-order mark, Dutch headers, cells separated by ;
            assertThat(exported).startsWith("\uFEFF\"uitdaging\";\"speerpunt\";\"soort\"").contains("\"maas-2017\"")
                    .contains("\"mijlpaal\"").contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Stedelijke distributie\"\")\"")
                    .doesNotContain(";\"=HYPERLINK");
        } finally {
            retitleSpearhead("mobility", "urban-distribution", original, null);
        }

        browser.get(settings.gatewayUrl() + "/#/c/mobility/report");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.report h1")));
        assertThat(browser.findElement(By.cssSelector("article.report")).getText()).contains("Mobility as a Service");
        screenshot("report-mobility");

        // the embed snippet to copy points at the embeddable view in the page's language
        browser.get(settings.gatewayUrl() + "/#/c/health");
        click(By.cssSelector("details.embed summary"));
        assertThat(find("#embed-snippet").getAttribute("value")).startsWith("<iframe src=\"" + settings.gatewayUrl()
                + "/embed.html?challenge=health&lang=nl\"");

        browser.get(settings.gatewayUrl() + "/embed.html?challenge=health&lang=en");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Health"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Milestones: 3");
    }

    private void signIn(String user) {
        browser.get(settings.gatewayUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#session a"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("session"), "Uitloggen"));
    }

    /** Clicks what the locator finds, finding it again if the page re-rendered in between. */
    private void click(By locator) {
        wait.until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    private void openEditor(String container) {
        wait.until(d -> {
            WebElement details = d.findElement(By.cssSelector(container + " details.editor"));
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
            }
            return d.findElement(By.cssSelector(container + " details.editor")).getAttribute("open") != null;
        });
    }

    /** Only what the locator finds, wherever it is on the page. */
    private void screenshot(String name, By locator) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void screenshot(String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
