package nl.amsterdameconomicboard.roadmaps.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.amsterdameconomicboard.roadmaps.challenge.test.ChallengeServiceTest;
import nl.amsterdameconomicboard.roadmaps.challenge.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every write endpoint against every kind of caller: who may, who may not, and that a refusal changes nothing. */
@ChallengeServiceTest
@TestPropertySource(properties = {
        "spring.config.import=classpath:challenge-service-defaults.yaml",
        "roadmap.challenge.code=circular",
        "roadmap.challenge.seed=classpath:seed/test-roadmap.json",
        "roadmap.test.context=role-matrix"})
class RoleMatrixTest {

    private static final TestTokens tokens = TestTokens.get();

    /** The callers of the matrix and their Authorization header (null: anonymous). */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("anonymous", null);
        CALLERS.put("board", tokens.bearer("board", "board"));
        CALLERS.put("own editor", tokens.bearer("circular-lead", "circular-editor"));
        CALLERS.put("other challenge's editor", tokens.bearer("mobility-lead", "mobility-editor"));
        CALLERS.put("partner of the initiative", tokens.partnerBearer("partner", "ManpowerGroup"));
        CALLERS.put("partner not in it", tokens.partnerBearer("other-partner", "Randstad"));
        CALLERS.put("admin", tokens.bearer("admin", "admin"));
    }

    @Autowired
    MockMvc mvc;

    private final AtomicInteger created = new AtomicInteger();

    @Test
    void writesFollowTheRoleMatrix() throws Exception {
        Map<String, List<String>> allowed = Map.of(
                "change milestone status", List.of("own editor", "admin"),
                "record measurement", List.of("own editor", "admin"),
                "change indicator target", List.of("own editor", "admin"),
                "create initiative", List.of("own editor", "admin"),
                "change initiative", List.of("own editor", "admin"),
                "post initiative progress", List.of("own editor", "admin", "partner of the initiative"),
                "change spearhead", List.of("own editor", "admin"),
                "re-announce the challenge", List.of("admin"));
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            for (String endpoint : allowed.keySet()) {
                String before = state();
                int status = mvc.perform(authorized(write(endpoint), caller.getValue())).andReturn().getResponse().getStatus();
                boolean mayWrite = allowed.get(endpoint).contains(caller.getKey());
                int expected = mayWrite ? 2 : caller.getValue() == null ? 401 : 403;
                boolean ok = mayWrite ? status / 100 == 2 : status == expected;
                if (!ok) {
                    violations.add(endpoint + " by " + caller.getKey() + ": " + status + " instead of " + (mayWrite ? "2xx" : expected));
                }
                if (!mayWrite && !before.equals(state())) {
                    violations.add(endpoint + " by " + caller.getKey() + " was refused but changed the store");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void changeHistoriesAreForEditorsAdminAndTheBoard() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("anonymous", 401);
        expected.put("board", 200);
        expected.put("own editor", 200);
        expected.put("other challenge's editor", 403);
        expected.put("partner of the initiative", 403);
        expected.put("admin", 200);
        for (String path : List.of("/api/circular/spearheads/heat/history", "/api/circular/milestones/heat-2017/history",
                "/api/circular/indicators/homes-on-residual-heat/history",
                "/api/circular/initiatives/heat-programme/history")) {
            for (Map.Entry<String, Integer> caller : expected.entrySet()) {
                assertThat(mvc.perform(authorized(get(path), CALLERS.get(caller.getKey()))).andReturn().getResponse().getStatus())
                        .as(path + " by " + caller.getKey()).isEqualTo(caller.getValue());
            }
        }
    }

    @Test
    void theParkedEventsOfTheOutboxAreForAdminsOnly() throws Exception {
        for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
            int refused = caller.getValue() == null ? 401 : 403;
            boolean admin = caller.getKey().equals("admin");
            assertThat(mvc.perform(authorized(get("/api/circular/outbox/parked"), caller.getValue())).andReturn().getResponse().getStatus())
                    .as("list by " + caller.getKey()).isEqualTo(admin ? 200 : refused);
            assertThat(mvc.perform(authorized(post("/api/circular/outbox/parked/no-such-event/retry"), caller.getValue())).andReturn()
                    .getResponse().getStatus()).as("retry by " + caller.getKey()).isEqualTo(admin ? 404 : refused);
        }
    }

    private MockHttpServletRequestBuilder write(String endpoint) throws Exception {
        return switch (endpoint) {
            case "change milestone status" -> json(put("/api/circular/milestones/heat-2017/status"),
                    "{\"status\": \"" + (milestoneStatus().equals("ON_TRACK") ? "AT_RISK" : "ON_TRACK") + "\", \"note\": \"matrix\"}");
            case "record measurement" -> json(post("/api/circular/indicators/homes-on-residual-heat/measurements"),
                    "{\"date\": \"2026-01-01\", \"value\": 180000, \"source\": \"CBS\"}");
            case "change indicator target" -> json(put("/api/circular/indicators/homes-on-residual-heat/target"),
                    "{\"target\": 400000, \"deadline\": \"2025-12-31\", \"note\": \"confirmed\"}");
            case "create initiative" -> json(post("/api/circular/initiatives"), initiative("\"id\": \"matrix-" + created.incrementAndGet() + "\", "));
            case "change initiative" -> json(put("/api/circular/initiatives/heat-programme"), initiative(""));
            case "re-announce the challenge" -> post("/api/circular/announcements");
            case "change spearhead" -> json(put("/api/circular/spearheads/heat"),
                    "{\"title\": {\"nl\": \"Warmte als circulaire grondstof\", \"en\": \"Heat as a circular resource\"}, "
                            + "\"vision\": {\"nl\": \"In 2025 ... (bijgewerkt)\"}}");
            case "post initiative progress" -> json(post("/api/circular/initiatives/heat-programme/progress"), "{\"text\": \"Two sites connected\"}");
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static String initiative(String id) {
        return "{" + id + "\"spearhead\": \"heat\", \"title\": {\"nl\": \"Warmteprogramma\", \"en\": \"Heat programme\"}, "
                + "\"status\": \"RUNNING\", \"partners\": [{\"name\": \"ManpowerGroup\", \"type\": \"BUSINESS\"}]}";
    }

    /** Everything a write could change, to check that a refused one changed nothing. */
    private String state() throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/api/circular/spearheads/heat", "/api/circular/milestones/heat-2017", "/api/circular/indicators/homes-on-residual-heat",
                "/api/circular/initiatives/heat-programme", "/api/circular/initiatives?size=200")) {
            state.append(mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
        }
        return state.toString();
    }

    private String milestoneStatus() throws Exception {
        return JsonPath.read(mvc.perform(get("/api/circular/milestones/heat-2017")).andReturn().getResponse().getContentAsString(), "$.status");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request, String authorization) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }
}
