package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapEvents;
import nl.amsterdameconomicboard.roadmaps.events.RoadmapTopics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A team's spreadsheet of measurements imported in one go: checked row by row, written all or nothing, once. */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=measurement-import"})
class MeasurementImportApiTest {

    private static final String LEAD = TestTokens.get().bearer("circular-lead", "circular-editor");
    private static final String PATH = "/api/circular/indicators/measurements/import";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    Indicators indicators;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Test
    void aDryRunNamesEveryRowErrorByLineAndColumnAndARealRunOfThatFileWritesNothing() throws Exception {
        String file = """
                indicator,date,value,source,note
                homes-on-residual-heat,2001-03-31,171000,Warmtemonitor,fine
                homes-on-residual-heat,31-02-2001,172000,Warmtemonitor,
                extra-jobs-2025,2001-03-31,many,CBS,
                no-such-indicator,2001-03-31,5,CBS,
                extra-jobs-2025,2001-06-30,12,,
                extra-jobs-2025,%s,12,CBS,
                heat-projects-with-business-case,2001-03-31,3,spreadsheet,
                """.formatted(LocalDate.now().plusDays(2));
        long heat = revision("homes-on-residual-heat");
        long jobs = revision("extra-jobs-2025");

        importing(file, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.total").value(7))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.errors").value(6))
                .andExpect(jsonPath("$.rows[0].line").value(2))
                .andExpect(jsonPath("$.rows[0].outcome").value("NEW"))
                .andExpect(jsonPath("$.rows[1].outcome").value("ERROR"))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("date"))
                .andExpect(jsonPath("$.rows[1].errors[0].line").value(3))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("value"))
                .andExpect(jsonPath("$.rows[3].errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.rows[4].errors[0].field").value("source"))
                .andExpect(jsonPath("$.rows[4].errors[0].message").value("must say where the value comes from"))
                .andExpect(jsonPath("$.rows[5].errors[0].field").value("date"))
                .andExpect(jsonPath("$.rows[5].errors[0].message").value("cannot be in the future"))
                .andExpect(jsonPath("$.rows[6].errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.rows[6].errors[0].message").value(containsString("register")));

        importing(file, false).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-import"))
                .andExpect(jsonPath("$.errors.length()").value(6))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("date"))
                .andExpect(jsonPath("$.errors[5].line").value(8))
                .andExpect(jsonPath("$.errors[5].field").value("indicator"));
        assertThat(revision("homes-on-residual-heat")).as("the one good row was not written either").isEqualTo(heat);
        assertThat(revision("extra-jobs-2025")).isEqualTo(jobs);
    }

    @Test
    void aFileThatIsNoTableOfMeasurementsIsRefusedNamingTheColumn() throws Exception {
        importing("indicator;datum;bedrag\nextra-jobs-2025;1-1-2002;5\n", false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("bedrag")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("source")))
                .andExpect(jsonPath("$.errors[0].line").value(1));
        mvc.perform(post(PATH).header("Authorization", LEAD).contentType(CSV).content(new byte[]{'i', (byte) 0xff, (byte) 0xfe}))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("UTF-8")));
    }

    /** A Dutch file's errors name its columns as it names them (Datum, not date), in the language the page asks for. */
    @Test
    void aDutchFilesRowErrorsNameItsOwnColumnsInDutch() throws Exception {
        String file = "Indicator;Datum;Waarde;Bron\r\n"
                + "extra-jobs-2025;31-02-2002;12;CBS\r\n"
                + "extra-jobs-2025;31-03-2002;-3;CBS\r\n"
                + "extra-jobs-2025;30-06-2002;4000000;CBS\r\n";
        mvc.perform(post(PATH).param("dryRun", "true").header("Authorization", LEAD).header("Accept-Language", "nl-NL,nl;q=0.9")
                        .contentType(CSV).content(file.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("Datum"))
                .andExpect(jsonPath("$.rows[0].errors[0].message").value(containsString("is geen dag")))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("Waarde"))
                .andExpect(jsonPath("$.rows[1].errors[0].message").value("een aantal kan niet negatief zijn (banen)"))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("Waarde"))
                .andExpect(jsonPath("$.rows[2].errors[0].message").value(containsString("ligt ver buiten")));
        // an English file read by an English client: its own column names, English words
        importing("indicator,date,value,source\nextra-jobs-2025,2002-03-31,-3,CBS\n", true)
                .andExpect(jsonPath("$.rows[0].errors[0].field").value("value"))
                .andExpect(jsonPath("$.rows[0].errors[0].message").value("a count cannot be negative (jobs)"));
    }

    @Test
    void aDutchSpreadsheetImportsOnceAndTheSameFileAgainChangesNothing() throws Exception {
        // (later than the other tests' values, so the newest first) as Excel saves "CSV UTF-8" in Dutch: a byte order mark, semicolons, decimal commas, dd-mm-yyyy, Dutch column names
        String file = "\ufeffIndicator;Datum;Waarde;Bron;Toelichting\r\n"
                + "homes-on-residual-heat;31-12-2023;\"1.234,5\";Warmtemonitor;\"Q4; herzien\"\r\n"
                + "homes-on-residual-heat;30-09-2023;12,5;Warmtemonitor;\r\n"
                + "extra-jobs-2025;2023-12-31;1.250;CBS;\r\n"
                + ";;;;\r\n";
        long before = revision("homes-on-residual-heat");

        importing(file, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(3))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.rows").doesNotExist());
        assertThat(revision("homes-on-residual-heat")).as("one change for both values").isEqualTo(before + 1);
        List<JsonNode> series = items(mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/measurements").param("size", "200")));
        assertThat(series.stream().filter(m -> m.path("date").asString().equals("2023-12-31")).toList())
                .singleElement().satisfies(m -> {
                    assertThat(m.path("value").asDouble()).isEqualTo(1234.5);
                    assertThat(m.path("note").asString()).isEqualTo("Q4; herzien");
                    assertThat(m.path("recordedBy").asString()).isEqualTo("circular-lead");
                });
        assertThat(series.stream().anyMatch(m -> m.path("value").asDouble() == 12.5)).isTrue();
        assertThat(items(mvc.perform(get("/api/circular/indicators/extra-jobs-2025/measurements"))).stream()
                .anyMatch(m -> m.path("value").asDouble() == 1250)).as("1.250 in a Dutch file is twelve hundred and fifty").isTrue();
        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].action").value("measurements imported"))
                .andExpect(jsonPath("$.items[0].by").value("circular-lead"))
                .andExpect(jsonPath("$.items[0].detail").value("2 values from 2023-09-30 to 2023-12-31 imported"));
        long imported = revision("homes-on-residual-heat");
        awaitImportEvent("homes-on-residual-heat", imported, 1234.5);

        importing(file, false).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0)).andExpect(jsonPath("$.unchanged").value(3));
        importing(file, true).andExpect(jsonPath("$.rows[*].outcome").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("UNCHANGED"))));
        assertThat(revision("homes-on-residual-heat")).as("the same file again changes nothing").isEqualTo(imported);
    }

    @Test
    void tenThousandRowsImportWithinSecondsAndTheSameFileAgainChangesNothing() throws Exception {
        StringBuilder file = new StringBuilder("indicator;date;value;source;note\n");
        LocalDate first = LocalDate.of(2006, 1, 1);
        for (int i = 0; i < 10_000; i++) {
            String indicator = i % 2 == 0 ? "homes-on-residual-heat" : "extra-jobs-2025";
            file.append(indicator).append(';').append(first.plusDays(i / 2)).append(';').append(i).append(",5;Warmtemonitor;nightly\n");
        }
        assertThat(file.length()).as("larger than any other request may be").isGreaterThan(64 * 1024);
        long heat = revision("homes-on-residual-heat");
        long countBefore = measurementCount("homes-on-residual-heat");

        long start = System.nanoTime();
        importing(file.toString(), true).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(10_000));
        long dryRun = System.nanoTime();
        importing(file.toString(), false).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(10_000))
                .andExpect(jsonPath("$.indicators.length()").value(2));
        long written = System.nanoTime();
        System.out.printf("10,000 rows: dry run %d ms, import %d ms%n", (dryRun - start) / 1_000_000, (written - dryRun) / 1_000_000);
        assertThat(Duration.ofNanos(written - dryRun)).as("the import of 10,000 rows").isLessThan(Duration.ofSeconds(20));

        int changes = (5_000 + MeasurementImport.VALUES_PER_CHANGE - 1) / MeasurementImport.VALUES_PER_CHANGE;
        assertThat(revision("homes-on-residual-heat")).as("one guarded change per %d values", MeasurementImport.VALUES_PER_CHANGE)
                .isEqualTo(heat + changes);
        assertThat(measurementCount("homes-on-residual-heat")).isEqualTo(countBefore + 5_000);
        mvc.perform(get("/api/circular/indicators/homes-on-residual-heat"))
                .andExpect(jsonPath("$.latest.value").value(9998.5));
        awaitImportEvent("homes-on-residual-heat", revision("homes-on-residual-heat"), 9998.5);

        importing(file.toString(), false).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.unchanged").value(10_000));
        assertThat(revision("homes-on-residual-heat")).isEqualTo(heat + changes);
    }

    @Test
    void eachRowMeetsItsUnitAndAFarOutValueIsImportedOnlyWhenConfirmed() throws Exception {
        String file = """
                indicator,date,value,source
                extra-jobs-2025,2002-03-31,-3,CBS
                extra-jobs-2025,2002-06-30,4000000,CBS
                """;
        long jobs = revision("extra-jobs-2025");

        importing(file, false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[1].line").value(3))
                .andExpect(jsonPath("$.errors[1].field").value("value"))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("confirmImplausible")));
        assertThat(revision("extra-jobs-2025")).as("nothing written").isEqualTo(jobs);

        String farOnly = "indicator,date,value,source\nextra-jobs-2025,2002-06-30,4000000,CBS\n";
        mvc.perform(post(PATH).param("confirmImplausible", "true").header("Authorization", LEAD).contentType(CSV).content(farOnly))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        mvc.perform(post(PATH).param("confirmImplausible", "true").header("Authorization", LEAD).contentType(CSV)
                        .content(farOnly.replace("4000000", "-3")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("value"));
        assertThat(revision("extra-jobs-2025")).isEqualTo(jobs + 1);
    }

    @Test
    void aTeamsMachineClientImportsAsItselfAndOnlyIntoItsOwnChallenge() throws Exception {
        String file = "indicator,date,value,source\nextra-jobs-2025,2003-03-31,40,CBS\n";
        mvc.perform(post(PATH).header("Authorization", TestTokens.get().serviceAccountBearer("circular-importer", "circular-editor"))
                        .contentType(CSV).content(file))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
        mvc.perform(get("/api/circular/indicators/extra-jobs-2025/history").header("Authorization", LEAD))
                .andExpect(jsonPath("$.items[0].action").value("measurements imported"))
                .andExpect(jsonPath("$.items[0].by").value("circular-importer"));
        mvc.perform(post(PATH).header("Authorization", TestTokens.get().serviceAccountBearer("mobility-importer", "mobility-editor"))
                        .contentType(CSV).content(file.replace("2003", "2004")))
                .andExpect(status().isForbidden());
        mvc.perform(post(PATH).contentType(CSV).content(file)).andExpect(status().isUnauthorized());
    }

    private ResultActions importing(String file, boolean dryRun) throws Exception {
        return mvc.perform(post(PATH).param("dryRun", Boolean.toString(dryRun)).header("Authorization", LEAD).contentType(CSV)
                .content(file.getBytes(StandardCharsets.UTF_8)));
    }

    private long revision(String indicator) {
        return indicators.byId(indicator).orElseThrow().revision();
    }

    private long measurementCount(String indicator) {
        return indicators.byId(indicator).orElseThrow().measurementCount();
    }

    private static List<JsonNode> items(ResultActions result) throws Exception {
        List<JsonNode> items = new java.util.ArrayList<>();
        JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("items").forEach(items::add);
        return items;
    }

    /** The import's event reaches Kafka: the indicator's series with the imported value, at the indicator's revision. */
    private void awaitImportEvent(String indicator, long revision, double value) {
        try (var consumer = new KafkaConsumer<String, CloudEvent>(Map.of("bootstrap.servers", kafka,
                "group.id", "import-reader-" + revision + "-" + System.nanoTime(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(RoadmapTopics.INDICATORS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (RoadmapEvents.payload(record.value()) instanceof IndicatorChanged c && c.indicator().equals(indicator)
                            && "measurements-imported".equals(c.change()) && c.revision() == revision) {
                        assertThat(c.measurements()).anyMatch(m -> m.value() == value);
                        assertThat(c.measurements().size()).isLessThanOrEqualTo(IndicatorChanged.MAX_MEASUREMENTS);
                        return true;
                    }
                }
                return false;
            });
        }
    }
}
