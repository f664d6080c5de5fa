package nl.amsterdameconomicboard.roadmaps.scorecard.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardTestStore;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data against the scorecards: every indicator of every challenge with the figures the scorecard shows, its
 * definition and every measurement with its source, as JSON and as CSV, today's and as an edition published them.
 * The states are built by the projections, as the intake builds them from events.
 */
@SpringBootTest(properties = "scorecard.consumer-group=opendata-test")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = ScorecardTestStore.class)
class OpenDataTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;
    @Autowired
    IndicatorProjection indicators;

    /** The indicators' revisions so far: the context, and so its store, lives as long as the class. */
    private static final Map<String, Long> revisions = new java.util.HashMap<>();

    @BeforeEach
    void indicators() {
        if (!revisions.isEmpty()) {
            return;
        }
        IndicatorDefinition recycled = definition("Aandeel hergebruikt", "Share recycled", "%", 20.0, LocalDate.of(2016, 1, 1), 50, "UP");
        announce("circular", "materials", "recycled-share", recycled);
        measure("circular", "materials", "recycled-share", recycled, TODAY.minusYears(3), 24.5, "CBS, Statline");
        measure("circular", "materials", "recycled-share", recycled, TODAY.minusYears(1), 31, "Gemeente \"Amsterdam\" monitor");
        measure("circular", "materials", "recycled-share", recycled, TODAY.minusMonths(1), 33.25, "=HYPERLINK(\"x\")");
        IndicatorDefinition emissions = definition("CO2-uitstoot verkeer", "Traffic CO2 emissions", "kt", 1200.0, LocalDate.of(2017, 1, 1), 800, "DOWN");
        announce("mobility", null, "traffic-emissions", emissions);
        measure("mobility", null, "traffic-emissions", emissions, TODAY.minusYears(2), 1100, "RIVM");
        IndicatorDefinition jobs = definition("Banen in tech", "Tech jobs", "jobs", null, null, 10_000_000, "UP");
        announce("talent", "tech", "tech-jobs", jobs); // announced, never measured
    }

    @Test
    void everyIndicatorOfEveryChallengeWithTheScorecardsFiguresAndEveryMeasurementWithItsSource() throws Exception {
        JsonNode data = read(mvc.perform(get("/api/opendata/indicators.json")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn().getResponse().getContentAsString());

        assertThat(data.path("licence").path("id").asString()).isEqualTo("CC BY 4.0");
        assertThat(data.path("licence").path("url").asString()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(data.path("publisher").asString()).isEqualTo("Amsterdam Economic Board");
        List<String> listed = new ArrayList<>();
        data.path("indicators").forEach(i -> listed.add(i.path("challenge").asString() + "/" + i.path("indicator").asString()));
        assertThat(listed).containsExactly("circular/recycled-share", "mobility/traffic-emissions", "talent/tech-jobs");

        for (JsonNode indicator : data.path("indicators")) {
            matchesTheScorecard(indicator, scorecardIndicator("/api/scorecards/" + indicator.path("challenge").asString(), indicator));
        }
        JsonNode recycled = data.path("indicators").get(0);
        assertThat(recycled.path("nameNl").asString()).isEqualTo("Aandeel hergebruikt");
        assertThat(recycled.path("baselineValue").asDouble()).isEqualTo(20.0);
        assertThat(recycled.path("baselineDate").asString()).isEqualTo("2016-01-01");
        assertThat(recycled.path("latestValue").asDouble()).isEqualTo(33.25);
        List<String> measurements = new ArrayList<>();
        recycled.path("measurements").forEach(m -> measurements.add(m.path("date").asString() + " " + m.path("value").asDouble() + " " + m.path("source").asString()));
        assertThat(measurements).containsExactly(TODAY.minusYears(3) + " 24.5 CBS, Statline", TODAY.minusYears(1) + " 31.0 Gemeente \"Amsterdam\" monitor",
                TODAY.minusMonths(1) + " 33.25 =HYPERLINK(\"x\")");
        JsonNode jobs = data.path("indicators").get(2);
        assertThat(jobs.path("measurements").isEmpty()).isTrue();
        assertThat(jobs.path("latestValue").isNull()).isTrue();
    }

    @Test
    void theCsvHasTheDocumentedColumnsAndOneRowPerMeasurementWithTheSameFigures() throws Exception {
        byte[] body = mvc.perform(get("/api/opendata/indicators.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n");
        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows.get(0)).containsExactly("challenge", "spearhead", "indicator", "name_nl", "name_en", "unit", "direction", "computed",
                "baseline_value", "baseline_date", "target", "deadline", "latest_value", "latest_date", "progress", "trend_per_year",
                "projected_value", "on_course", "target_met", "measurement_date", "measurement_value", "measurement_source");
        List<Map<String, String>> records = Csv.records(rows);
        JsonNode data = read(mvc.perform(get("/api/opendata/indicators.json")).andReturn().getResponse().getContentAsString());
        int expected = 0;
        for (JsonNode indicator : data.path("indicators")) {
            expected += Math.max(1, indicator.path("measurements").size()); // a row per measurement, one for an indicator without any
        }
        assertThat(records).hasSize(expected).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode indicator : data.path("indicators")) {
            List<Map<String, String>> its = records.stream().filter(r -> r.get("challenge").equals(indicator.path("challenge").asString())
                    && r.get("indicator").equals(indicator.path("indicator").asString())).toList();
            JsonNode card = scorecardIndicator("/api/scorecards/" + indicator.path("challenge").asString(), indicator);
            for (Map<String, String> row : its) {
                assertThat(Double.parseDouble(row.get("target"))).isEqualTo(card.path("target").asDouble());
                assertThat(row.get("deadline")).isEqualTo(card.path("deadline").asString());
                assertThat(row.get("latest_value")).isEqualTo(card.path("latest").isNull() ? "" : plain(card.path("latest").path("value").asDouble()));
                assertThat(row.get("progress")).isEqualTo(card.path("progress").isNull() ? "" : plain(card.path("progress").asDouble()));
                assertThat(row.get("projected_value")).isEqualTo(card.path("projectedValue").isNull() ? "" : plain(card.path("projectedValue").asDouble()));
            }
            assertThat(its).hasSize(Math.max(1, indicator.path("measurements").size()));
        }
        Map<String, String> formula = records.stream().filter(r -> r.get("measurement_date").equals(TODAY.minusMonths(1).toString())).findFirst().orElseThrow();
        assertThat(formula.get("measurement_source")).as("a source a spreadsheet would run as a formula").isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(formula.get("measurement_value")).isEqualTo("33.25");
        Map<String, String> noValue = records.stream().filter(r -> r.get("indicator").equals("tech-jobs")).findFirst().orElseThrow();
        assertThat(noValue.get("target")).as("no exponent").isEqualTo("10000000");
        assertThat(noValue.get("measurement_date")).isEmpty();
        assertThat(noValue.get("spearhead")).isEqualTo("tech");
    }

    @Test
    void anEditionsOpenDataAreTheFiguresAsPublishedWhateverWasMeasuredAfterwards() throws Exception {
        IndicatorDefinition emissions = definition("CO2-uitstoot verkeer", "Traffic CO2 emissions", "kt", 1200.0, LocalDate.of(2017, 1, 1), 800, "DOWN");
        String published = mvc.perform(post("/api/scorecards/editions").with(token("board", "board")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Scorecard open data test\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = read(published).path("id").asString();
        measure("mobility", null, "traffic-emissions", emissions, TODAY.minusDays(2), 900, "RIVM, later");

        JsonNode edition = read(mvc.perform(get("/api/opendata/editions/" + id + "/indicators.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(edition.path("edition").path("id").asString()).isEqualTo(id);
        assertThat(edition.path("licence").path("id").asString()).isEqualTo("CC BY 4.0");
        JsonNode mobility = find(edition, "mobility", "traffic-emissions");
        assertThat(mobility.path("latestValue").asDouble()).as("as published").isEqualTo(1100);
        assertThat(mobility.path("measurements")).hasSize(1);
        assertThat(mobility.path("baselineValue").asDouble()).isEqualTo(1200);
        for (JsonNode indicator : edition.path("indicators")) {
            matchesTheScorecard(indicator, editionIndicator(id, indicator));
        }

        JsonNode today = read(mvc.perform(get("/api/opendata/indicators.json")).andReturn().getResponse().getContentAsString());
        assertThat(find(today, "mobility", "traffic-emissions").path("latestValue").asDouble()).isEqualTo(900);
        assertThat(find(today, "mobility", "traffic-emissions").path("measurements")).hasSize(2);

        List<Map<String, String>> csv = Csv.records(Csv.parse(mvc.perform(get("/api/opendata/editions/" + id + "/indicators.csv"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)));
        assertThat(csv.stream().filter(r -> r.get("indicator").equals("traffic-emissions")).map(r -> r.get("measurement_value")))
                .containsExactly("1100");

        mvc.perform(get("/api/opendata/editions/2001-01-01T000000Z/indicators.json")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/opendata/editions/2001-01-01T000000Z/indicators.csv")).andExpect(status().isNotFound());
    }

    private void matchesTheScorecard(JsonNode open, JsonNode card) {
        String which = open.path("challenge").asString() + "/" + open.path("indicator").asString();
        assertThat(open.path("target").asDouble()).as(which).isEqualTo(card.path("target").asDouble());
        assertThat(open.path("deadline").asString()).as(which).isEqualTo(card.path("deadline").asString());
        assertThat(open.path("unit").asString()).as(which).isEqualTo(card.path("unit").asString());
        assertThat(open.path("nameEn").asString()).as(which).isEqualTo(card.path("nameEn").asString());
        assertThat(open.path("spearhead").isNull() ? null : open.path("spearhead").asString()).as(which)
                .isEqualTo(card.path("spearhead").isNull() ? null : card.path("spearhead").asString());
        assertThat(open.path("latestValue")).as(which).isEqualTo(card.path("latest").isNull() ? card.path("latest") : card.path("latest").path("value"));
        assertThat(open.path("latestDate")).as(which).isEqualTo(card.path("latest").isNull() ? card.path("latest") : card.path("latest").path("date"));
        assertThat(open.path("progress")).as(which).isEqualTo(card.path("progress"));
        assertThat(open.path("trendPerYear")).as(which).isEqualTo(card.path("trendPerYear"));
        assertThat(open.path("projectedValue")).as(which).isEqualTo(card.path("projectedValue"));
        assertThat(open.path("onCourse")).as(which).isEqualTo(card.path("onCourse"));
        assertThat(open.path("targetMet")).as(which).isEqualTo(card.path("targetMet"));
    }

    /** The indicator on the challenge's scorecard: among its own indicators or under its spearhead. */
    private JsonNode scorecardIndicator(String url, JsonNode open) throws Exception {
        return indicatorOf(read(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()), open);
    }

    private JsonNode editionIndicator(String edition, JsonNode open) throws Exception {
        JsonNode all = read(mvc.perform(get("/api/scorecards/editions/" + edition)).andReturn().getResponse().getContentAsString());
        for (JsonNode card : all.path("challenges")) {
            if (card.path("challenge").asString().equals(open.path("challenge").asString())) {
                return indicatorOf(card, open);
            }
        }
        throw new AssertionError("no card of " + open.path("challenge"));
    }

    private static JsonNode indicatorOf(JsonNode card, JsonNode open) {
        List<JsonNode> all = new ArrayList<>();
        card.path("indicators").forEach(all::add);
        card.path("spearheads").forEach(s -> s.path("indicators").forEach(all::add));
        return all.stream().filter(i -> i.path("indicator").asString().equals(open.path("indicator").asString())).findFirst()
                .orElseThrow(() -> new AssertionError(open.path("indicator") + " is not on the scorecard"));
    }

    private static JsonNode find(JsonNode data, String challenge, String indicator) {
        for (JsonNode i : data.path("indicators")) {
            if (i.path("challenge").asString().equals(challenge) && i.path("indicator").asString().equals(indicator)) {
                return i;
            }
        }
        throw new AssertionError(challenge + "/" + indicator + " missing");
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static JsonNode read(String body) {
        return json.readTree(body);
    }

    private void announce(String challenge, String spearhead, String indicator, IndicatorDefinition definition) {
        revisions.put(challenge + "/" + indicator, 1L);
        indicators.apply(new IndicatorChanged(challenge, spearhead, indicator, definition, "announced", "roadmap-seed", Instant.now(), 1));
    }

    private void measure(String challenge, String spearhead, String indicator, IndicatorDefinition definition, LocalDate date, double value,
                         String source) {
        long revision = revisions.merge(challenge + "/" + indicator, 1L, Long::sum);
        indicators.apply(new IndicatorMeasured(challenge, spearhead, indicator, definition, date, value, source, null, "lead", Instant.now(), revision));
    }

    private static IndicatorDefinition definition(String nl, String en, String unit, Double baseline, LocalDate baselineDate, double target,
                                                  String direction) {
        return new IndicatorDefinition(new LocalizedText(nl, en), unit, baseline, baselineDate, target, LocalDate.of(2030, 12, 31), direction, false);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor token(String username, String... roles) {
        return jwt().jwt(t -> t.claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(new KeycloakRealmRoles());
    }

    /** RFC 4180 as a spreadsheet reads it: quoted cells with doubled quotes, CRLF between records. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            assertThat(cell).as("the last record ends with CRLF").isEmpty();
            return rows;
        }

        static List<Map<String, String>> records(List<List<String>> rows) {
            List<String> header = rows.get(0);
            return rows.subList(1, rows.size()).stream().map(r -> {
                assertThat(r).as("every row has every column").hasSize(header.size());
                Map<String, String> record = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    record.put(header.get(i), r.get(i));
                }
                return record;
            }).toList();
        }
    }
}
