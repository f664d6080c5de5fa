package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorChanged;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorDefinition;
import nl.amsterdameconomicboard.roadmaps.events.IndicatorMeasured;
import nl.amsterdameconomicboard.roadmaps.events.LocalizedText;
import nl.amsterdameconomicboard.roadmaps.events.MilestoneStatusChanged;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardTestStore;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.support.KeycloakRealmRoles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The reminders end to end in one JVM: a real SMTP server (GreenMail) receives the digests; the editors and their
 * addresses come from a stand-in of Keycloak's admin REST API that answers only the reminders client with its secret,
 * as Keycloak does. The states are built by the projections, as the intake builds them from events.
 */
@SpringBootTest(properties = {"scorecard.consumer-group=reminders-test", "reminders.schedule=-",
        "reminders.dashboard-url=http://dashboard.test/", "reminders.from=roadmaps@board.test"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = ScorecardTestStore.class)
class RemindersTest {

    private static final String SECRET = "test-reminders-secret";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpServer keycloak = keycloak();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add("reminders.keycloak.url", () -> "http://127.0.0.1:" + keycloak.getAddress().getPort());
        registry.add("reminders.keycloak.realm", () -> "mra");
        registry.add("reminders.keycloak.client-id", () -> "mra-reminders");
        registry.add("reminders.keycloak.client-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        keycloak.stop(0);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MilestoneProjection milestones;
    @Autowired
    IndicatorProjection indicators;
    @Autowired
    MongoTemplate mongo;

    private static boolean roadmap;

    @BeforeEach
    void roadmap() throws Exception {
        mongo.remove(new Query(), DigestSending.class);
        smtp.purgeEmailFromAllMailboxes();
        if (roadmap) {
            return;
        }
        roadmap = true;
        milestone("circular", "heat", "heat-overdue", "Warmteprojecten met business case", TODAY.minusDays(10), "ON_TRACK");
        milestone("circular", "heat", "heat-due", "Warmtenet aanbesteed", TODAY.plusDays(12), "AT_RISK");
        milestone("circular", "heat", "heat-later", "Warmtenet in bedrijf", TODAY.plusDays(60), "PLANNED");
        milestone("circular", "heat", "heat-achieved", "Warmtevisie vastgesteld", TODAY.minusDays(40), "ACHIEVED");
        indicator("circular", "recycled-share", "Aandeel hergebruikt", false, TODAY.minusDays(200));
        indicator("circular", "waste-per-resident", "Afval per inwoner", false, TODAY.minusDays(20));
        indicator("circular", "heat-projects", "Warmteprojecten", true, TODAY.minusDays(400)); // counted by the platform
        milestone("mobility", "logistics", "zero-emission-zone", "Zero-emissiezone ingevoerd", TODAY.minusDays(3), "PLANNED");
    }

    @Test
    void eachEditorGetsOneDigestWithTheirOwnChallengesItemsAndNoneAgainWithinTheWeek() throws Exception {
        mvc.perform(post("/api/reminders/digests").with(token("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.username == 'circular-lead')].outcome").value("sent"))
                .andExpect(jsonPath("$.results[?(@.username == 'circular-lead')].items").value(3))
                .andExpect(jsonPath("$.results[?(@.username == 'mobility-lead')].outcome").value("sent"))
                .andExpect(jsonPath("$.results[?(@.username == 'talent-lead')].outcome").value("nothing-to-report"))
                .andExpect(jsonPath("$.results[?(@.username == 'partner')]").isEmpty())
                .andExpect(jsonPath("$.results[?(@.username == 'former-lead')]").isEmpty());

        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage circular = to(received, "circular-lead@board.test");
        String text = GreenMailUtil.getBody(circular);
        assertThat(circular.getFrom()[0].toString()).isEqualTo("roadmaps@board.test");
        assertThat(circular.getSubject()).contains("3 punten vragen uw aandacht");
        assertThat(text).contains("Mijlpaal over tijd: Warmteprojecten met business case", "10 dagen geleden", "status op koers")
                .contains("Mijlpaal binnenkort: Warmtenet aanbesteed", "over 12 dagen")
                .contains("Indicator zonder recente meting: Aandeel hergebruikt", "200 dagen geleden")
                .contains("Milestone overdue: Warmteprojecten met business case (en)")
                .contains("http://dashboard.test/")
                .doesNotContain("Warmtenet in bedrijf", "Warmtevisie vastgesteld", "Afval per inwoner", "Warmteprojecten (en)",
                        "Zero-emissiezone");
        String mobility = GreenMailUtil.getBody(to(received, "mobility-lead@board.test"));
        assertThat(mobility).contains("Mijlpaal over tijd: Zero-emissiezone ingevoerd")
                .doesNotContain("Warmte", "Aandeel hergebruikt", "circular");

        // again the same day (an operator, a restarted or second instance): nobody is sent a second digest
        mvc.perform(post("/api/reminders/digests").with(token("admin", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[?(@.username == 'circular-lead')].outcome").value("sent-within-interval"))
                .andExpect(jsonPath("$.results[?(@.username == 'mobility-lead')].outcome").value("sent-within-interval"));
        Thread.sleep(500);
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        // a week later the next one goes out
        mongo.updateMulti(new Query(), new org.springframework.data.mongodb.core.query.Update().set("lastSentAt",
                Instant.now().minus(Duration.ofDays(7)).minusSeconds(60)), DigestSending.class);
        mvc.perform(post("/api/reminders/digests").with(token("admin", "admin")))
                .andExpect(jsonPath("$.results[?(@.username == 'circular-lead')].outcome").value("sent"));
        assertThat(smtp.waitForIncomingEmail(5_000, 4)).isTrue();
    }

    @Test
    void ofTwoInstancesClaimingTheSamePersonsDigestOnlyOneWins() {
        DigestSendings sendings = new DigestSendings(mongo);
        Editor editor = new Editor(UUID.randomUUID().toString(), "someone", "someone@board.test", null, List.of("circular"));
        Instant now = Instant.now();
        assertThat(sendings.claim(editor, now, now.minus(Duration.ofDays(7)))).isPresent();
        assertThat(sendings.claim(editor, now.plusSeconds(1), now.plusSeconds(1).minus(Duration.ofDays(7)))).isEmpty();
        assertThat(sendings.claim(editor, now.plusSeconds(3600), now.plusSeconds(3600).minus(Duration.ofDays(7)))).isEmpty();

        DigestSendings.Claim later = sendings.claim(editor, now.plus(Duration.ofDays(8)), now.plus(Duration.ofDays(1))).orElseThrow();
        assertThat(later.previous()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        sendings.release(later); // the mail server refused it: the claim goes back to the earlier sending
        assertThat(sendings.of(editor.id()).orElseThrow().lastSentAt()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aSignedInEditorSeesWhatNeedsTheirAttentionInTheirOwnChallengeOnly() throws Exception {
        mvc.perform(get("/api/reminders/attention").with(token("circular-lead", "circular-editor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueWithinDays").value(30))
                .andExpect(jsonPath("$.staleAfterDays").value(120))
                .andExpect(jsonPath("$.challenges[*].challenge").value(org.hamcrest.Matchers.contains("circular")))
                .andExpect(jsonPath("$.challenges[0].items[*].id").value(org.hamcrest.Matchers.contains("heat-overdue", "heat-due", "recycled-share")))
                .andExpect(jsonPath("$.challenges[0].items[*].kind").value(org.hamcrest.Matchers.contains("milestone-overdue", "milestone-due", "indicator-stale")))
                .andExpect(jsonPath("$.challenges[0].items[0].days").value(10))
                .andExpect(jsonPath("$.challenges[0].items[2].date").value(TODAY.minusDays(200).toString()));
        mvc.perform(get("/api/reminders/attention").with(token("mobility-lead", "mobility-editor")))
                .andExpect(jsonPath("$.challenges[*].challenge").value(org.hamcrest.Matchers.contains("mobility")))
                .andExpect(jsonPath("$.challenges[0].items[*].id").value(org.hamcrest.Matchers.contains("zero-emission-zone")));
        mvc.perform(get("/api/reminders/attention").with(token("partner", "partner")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.challenges").isEmpty());
        mvc.perform(get("/api/reminders/attention")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/reminders/digests").with(token("circular-lead", "circular-editor"))).andExpect(status().isForbidden());
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static MimeMessage to(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no digest to " + address));
    }

    private void milestone(String challenge, String spearhead, String id, String titleNl, LocalDate deadline, String status) {
        milestones.apply(UUID.randomUUID().toString(), new MilestoneStatusChanged(challenge, spearhead, id,
                new LocalizedText(titleNl, titleNl + " (en)"), deadline, null, status, "seed", "roadmap-seed", Instant.now(), 1));
    }

    private void indicator(String challenge, String id, String nameNl, boolean computed, LocalDate lastMeasured) {
        IndicatorDefinition definition = new IndicatorDefinition(new LocalizedText(nameNl, nameNl + " (en)"), "%", 10.0, LocalDate.of(2016, 1, 1),
                50, LocalDate.of(2030, 12, 31), "UP", computed);
        indicators.apply(new IndicatorChanged(challenge, "heat", id, definition, "announced", "roadmap-seed", Instant.now(), 1));
        indicators.apply(new IndicatorMeasured(challenge, "heat", id, definition, lastMeasured, 20, "CBS", null, "lead", Instant.now(), 2));
    }

    private static RequestPostProcessor token(String username, String... roles) {
        return jwt().jwt(t -> t.claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(new KeycloakRealmRoles());
    }

    /** Realm mra's users as Keycloak's admin API lists them, to the reminders client's service account only. */
    private static HttpServer keycloak() {
        Map<String, String[]> users = Map.of(
                "u-circular", new String[] {"circular-lead", "circular-lead@board.test", "true", "circular-editor"},
                "u-mobility", new String[] {"mobility-lead", "mobility-lead@board.test", "true", "mobility-editor"},
                "u-talent", new String[] {"talent-lead", "talent-lead@board.test", "true", "talent-editor"},
                "u-partner", new String[] {"partner", "partner@board.test", "true", "partner"},
                "u-former", new String[] {"former-lead", "former-lead@board.test", "false", "circular-editor"},
                "u-admin", new String[] {"admin", "", "true", "admin"});
        String accessToken = "token-" + UUID.randomUUID();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/mra/protocol/openid-connect/token", exchange -> {
                Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&"))
                        .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
                boolean ok = "client_credentials".equals(form.get("grant_type")) && "mra-reminders".equals(form.get("client_id"))
                        && SECRET.equals(form.get("client_secret"));
                answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\": \"" + accessToken + "\", \"token_type\": \"Bearer\"}"
                        : "{\"error\": \"unauthorized_client\"}");
            });
            server.createContext("/admin/realms/mra/users", exchange -> {
                if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{}");
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/admin/realms/mra/users")) {
                    boolean firstPage = exchange.getRequestURI().getQuery().contains("first=0");
                    answer(exchange, 200, !firstPage ? "[]" : users.entrySet().stream().map(u -> "{\"id\": \"" + u.getKey() + "\", \"username\": \""
                            + u.getValue()[0] + "\"" + (u.getValue()[1].isEmpty() ? "" : ", \"email\": \"" + u.getValue()[1] + "\"")
                            + ", \"enabled\": " + u.getValue()[2] + "}").collect(Collectors.joining(",", "[", "]")));
                } else if (path.endsWith("/role-mappings/realm/composite")) {
                    String[] user = users.get(path.split("/")[5]);
                    answer(exchange, 200, "[{\"name\": \"default-roles-mra\"}, {\"name\": \"" + user[3] + "\"}]");
                } else {
                    answer(exchange, 404, "{}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
