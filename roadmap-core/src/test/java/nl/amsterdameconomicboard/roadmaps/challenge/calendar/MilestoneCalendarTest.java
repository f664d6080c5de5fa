package nl.amsterdameconomicboard.roadmaps.challenge.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.Milestone;
import nl.amsterdameconomicboard.roadmaps.challenge.milestone.MilestoneStatus;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The milestones' deadlines as an iCalendar feed, read back by a real iCalendar parser (ical4j) as a calendar application reads it. */
@ChallengeServiceTest
@org.springframework.test.context.TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json"})
class MilestoneCalendarTest {

    private static final TestTokens tokens = TestTokens.get();

    @Autowired
    MockMvc mvc;

    @Test
    void theFeedIsPublicAndHasOneAllDayEventPerMilestoneOnItsDeadline() throws Exception {
        String ics = mvc.perform(get("/api/circular/milestones.ics"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        wellFormed(ics);

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.PRODID)).isEqualTo(MilestoneCalendar.PRODID);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Map<String, VEvent> bySummary = events.stream().collect(Collectors.toMap(e -> value(e, Property.SUMMARY), e -> e));
        assertThat(events).hasSize(4); // the test roadmap's milestones: heat-2017 and three of raw-materials
        VEvent heat = bySummary.get("Deadline: Voor 20 individuele warmte projecten zijn eind 2017 business cases ontwikkeld.");
        assertThat(heat).as("the Dutch title, unfolded again by the parser").isNotNull();
        assertThat(value(heat, Property.DTSTART)).isEqualTo("20171231");
        assertThat(heat.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
        assertThat(value(heat, Property.DTEND)).isEqualTo("20180101");
        assertThat(value(heat, Property.UID)).isEqualTo("heat-2017@circular.roadmaps.amsterdameconomicboard.nl");
        // other tests of this context may have moved heat-2017 on: the feed says the status the API says
        String status = tools.jackson.databind.json.JsonMapper.builder().build().readTree(mvc.perform(get("/api/circular/milestones/heat-2017"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).path("status").asString();
        String inDutch = Map.of("PLANNED", "gepland", "ON_TRACK", "op koers", "AT_RISK", "risico", "ACHIEVED", "behaald", "MISSED", "niet behaald")
                .get(status);
        assertThat(inDutch).as("status %s", status).isNotNull();
        assertThat(value(heat, Property.DESCRIPTION)).contains("Speerpunt: Warmte als circulaire grondstof").contains("Status: " + inDutch);
        assertThat(value(heat, Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z");
        assertThat(events.stream().map(e -> value(e, Property.UID)).collect(Collectors.toSet())).hasSize(4);
    }

    @Test
    void aStatusChangeKeepsTheEventsUidAndShowsTheNewStatus() throws Exception {
        String before = mvc.perform(get("/api/circular/milestones.ics")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        mvc.perform(put("/api/circular/milestones/raw-materials-2030/status")
                        .header("Authorization", tokens.bearer("circular-lead", "circular-editor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"AT_RISK\", \"note\": \"Te weinig partners\"}"))
                .andExpect(status().isOk());
        String after = mvc.perform(get("/api/circular/milestones.ics")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        VEvent then = event(before, "raw-materials-2030@circular.roadmaps.amsterdameconomicboard.nl");
        VEvent now = event(after, "raw-materials-2030@circular.roadmaps.amsterdameconomicboard.nl");
        assertThat(value(now, Property.DESCRIPTION)).contains("Status: risico");
        assertThat(Integer.parseInt(value(now, Property.SEQUENCE))).isGreaterThan(Integer.parseInt(value(then, Property.SEQUENCE)));
    }

    @Test
    void longTitlesAreFoldedAt75OctetsWithoutSplittingACharacterAndTextIsEscaped() throws Exception {
        String title = "Eind 2030: één regionaal materialenpaspoort; 100% hergebruik, \"circulair\" bouwen \\ slopen — "
                + "met daarna een tweede regel\nen ü, ø, 🌱 tekens die meer dan één octet nemen ".repeat(3).strip();
        Milestone milestone = new Milestone("paspoort-2030", "raw-materials", 1, new BilingualText(title, "en"), LocalDate.of(2030, 6, 30),
                MilestoneStatus.ON_TRACK, 4, Instant.parse("2026-11-28T10:15:30Z"), List.of());
        String ics = MilestoneCalendar.of("circular", new BilingualText("Circulaire Economie, regio", "Circular"), List.of(milestone),
                Map.of("raw-materials", "Grondstoffen; materialen"), Instant.parse("2026-11-29T08:00:00Z"));
        wellFormed(ics);
        assertThat(ics).contains("\r\n ").contains("\\;").contains("\\,").contains("\\n").contains("\\\\");

        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Deadline: " + title);
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Speerpunt: Grondstoffen; materialen\nStatus: op koers\nUitdaging: Circulaire Economie, regio");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261128T101530Z");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
    }

    /** CRLF after every line, none longer than 75 octets, continuation lines starting with a space, valid UTF-8 per line. */
    private static void wellFormed(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : Arrays.asList(ics.split("\r\n"))) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        }
        List<String> lines = Arrays.asList(ics.split("\r\n"));
        assertThat(lines).contains("VERSION:2.0");
    }

    private static VEvent event(String ics, String uid) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> value(e, Property.UID).equals(uid)).findFirst().orElseThrow();
    }

    private static String value(net.fortuna.ical4j.model.PropertyContainer container, String property) {
        return container.getProperty(property).map(p -> ((Property) p).getValue()).orElseThrow(() -> new AssertionError("no " + property));
    }
}
